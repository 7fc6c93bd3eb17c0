// Provision a board's ATECC508A/608A for AWS IoT as in the article (aws-iot-mongoose-os part 2),
// idempotently: steps already done (zones locked, key in place, certificate on the board, config
// set) are skipped, so the script can be run again after an interruption. It ends by checking the
// result: the chip signs a fresh digest with slot 0 and the certificate's public key verifies it.
//
//   sesh x509 keygen ecc.key.pem                      (or: openssl ecparam -out ecc.key.pem -name prime256v1 -genkey)
//   sesh x509 selfsign ecc.key.pem ecc.crt.pem --subject CN=my-device --days 3650
//   openssl rand -hex 32 > slot4.key
//   sesh --port /dev/ttyUSB0 run scripts/examples/provision-aws.groovy \
//        scripts/examples/configs/atca-aws-test.yaml ecc.key.pem ecc.crt.pem slot4.key
//
// Every change shows its plan and asks; the zone locks ask for the typed phrase. Without a terminal
// the run needs --yes-irreversible. The key file stays on this computer: with the host driver (the
// default) slot 0 is written with an encrypted PrivWrite authorised by the write key in slot 4.
if (args.size() != 4) {
    throw SeshException.badArg("provision-aws.groovy takes 4 files, not ${args.size()}",
            'give CONFIG.yaml KEY.pem CERT.pem WRITEKEY (see the comment at the top of the script)')
}
def (configFile, keyFile, certFile, writeKeyFile) = inputFiles(args).collect { it.toString() }
def step = { String text -> println "- $text" }

// Every input is read and checked before anything is sent.
def wanted = chipConfig(configFile)
def key = x509.readKey(keyFile)
def cert = x509.show(certFile)
if (!cert.matches(key.publicKey())) {
    throw SeshException.badArg("$keyFile is not the key of $certFile", 'give the key the certificate was made for')
}
x509.readSecret(writeKeyFile)

// The article's step 1: the chip answers on the I2C bus.
if (!i2c.scan().contains(i2c.chipAddress())) {
    throw SeshException.failed("no chip answers at ${hex(i2c.chipAddress())}", 'check the wiring and i2c.enable')
}
// 2. The firmware's ATCA service on (mos config-set sys.atca.enable=true), with the I2C it needs;
// the board saves and reboots. The RPC back end (--via rpc) needs the service from here on.
def enabled = config.set('i2c.enable': true, 'sys.atca.enable': true).changed()
step enabled ? "config: set ${enabled.join(', ')} and rebooted" : 'config: ATCA service already enabled'
def chip = atca.info()
println "${chip.chip} S/N ${chip.serial} on ${board.info().id}"

// 3. Config zone: write it unless locked, then lock it (mos atca-set-config, atca-lock-zone config).
if (atca.locks().configLocked) {
    step 'config zone: already locked'
} else {
    def written = atca.setConfig(wanted)
    step written.fields() == 0 ? 'config zone: already as in ' + new File(configFile).name : "config zone: ${written.message()}"
    step atca.lockConfig().message()
}
// 4. Data zone (mos atca-lock-zone data).
step atca.lockData().message()

// 5. Keys: the write key into slot 4, then the private key into slot 0 (mos atca-set-key 4, atca-set-key 0 --write-key).
def holdsKey = { int slot ->
    try {
        atca.publicKey(slot) == key.publicKey()
    } catch (SeshException e) {
        false
    }
}
if (holdsKey(0)) {
    step "slots 4 and 0: slot 0 already holds ${new File(keyFile).name}"
} else {
    step x509.importKey(atca, 4, writeKeyFile).message()
    step x509.importKey(atca, 0, keyFile, writeKey: writeKeyFile, cert: certFile).message()
}

// 6. The certificate on the board's filesystem (mos put).
def certName = new File(certFile).name
byte[] certBytes = new File(certFile).bytes
if (fs.stat(certName).isPresent() && Arrays.equals(fs.read(certName), certBytes)) {
    step "fs: $certName already on the board"
} else {
    fs.put(certName, certBytes, true)
    step "fs: $certName written (${certBytes.length} bytes, read back)"
}

// 7. Firmware config: HTTPS with the chip's key (mos config-set); keys already set are left out, so a re-run sends nothing.
def settings = ['http.listen_addr': ':443', 'http.ssl_cert': certName, 'http.ssl_key': 'ATCA:0']
def changed = config.set(settings).changed()
step changed ? "config: set ${changed.join(', ')} and rebooted" : 'config: already set'

// 8. Check: the chip signs a fresh digest with slot 0; the certificate's key must verify it.
def digest = x509.sha256(x509.random(32), chip.serial)
def signature = atca.sign(0, digest)
if (!x509.verify(cert.publicKey, digest, signature)) {
    throw SeshException.failed('slot 0 signed, but the signature does not verify with ' + certFile, 'run atca slot 0 and check the key')
}
step 'check: slot 0 signed a fresh digest; the signature verifies with the certificate\'s key'
println 'provisioned'
