// Provision a board's ATECC508A/608A for AWS IoT as in the article (aws-iot-mongoose-os part 2),
// idempotently: steps already done (zones locked, key in place, certificate on the board, config
// set) are skipped, so the script can be run again after an interruption. It ends by checking the
// result: the chip signs a fresh digest with slot 0 and the signature is verified here with the
// certificate's public key.
//
//   openssl ecparam -out ecc.key.pem -name prime256v1 -genkey     (or: sesh x509 keygen ecc.key.pem)
//   sesh x509 selfsign ecc.key.pem ecc.crt.pem --subject CN=my-device --days 3650
//   openssl rand -hex 32 > slot4.key
//   sesh --port /dev/ttyUSB0 run scripts/examples/provision-aws.groovy atca-aws-test.yaml ecc.key.pem ecc.crt.pem slot4.key
//
// Every change shows its plan and asks; the zone locks ask for the typed phrase. Without a terminal
// the run needs --yes-irreversible. The key file stays on this computer: slot 0 is written with an
// encrypted PrivWrite authorised by the write key in slot 4.
import dev.sesh.atca.config.ConfigCodec
import dev.sesh.x509.CertView
import dev.sesh.x509.KeyFiles
import dev.sesh.x509.KeyImport
import dev.sesh.x509.P256

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest

if (args.size() != 4) {
    throw SeshException.badArg("provision-aws.groovy takes 4 files, not ${args.size()}",
            'give CONFIG.yaml KEY.pem CERT.pem WRITEKEY (see the comment at the top of the script)')
}
def (configFile, keyFile, certFile, writeKeyFile) = inputFiles(args)
// Every input is read and checked before anything is sent.
def key = KeyFiles.readPrivate(keyFile)
def cert = CertView.read(certFile)
if (!cert.matches(key.publicKey())) {
    throw SeshException.badArg("$keyFile is not the key of $certFile", 'give the key the certificate was made for')
}
KeyFiles.readSecret32(writeKeyFile, 'write key')
def wanted = ConfigCodec.forFile(configFile.toString()).decode(Files.readString(configFile), configFile.toString())
def step = { String text -> println "- $text" }

if (!i2c.scan().contains(i2c.chipAddress())) {
    throw SeshException.failed("no chip answers at ${hex(i2c.chipAddress())}", 'check the wiring and i2c.enable')
}
def chip = atca.info()
println "${chip.chip} S/N ${chip.serial} on ${board.info().id}"

// 1. Config zone: write it unless locked, then lock it.
if (atca.locks().configLocked) {
    step 'config zone: already locked'
} else {
    def written = atca.setConfig(wanted)
    step written.fields() == 0 ? 'config zone: already as in ' + configFile.fileName : "config zone: ${written.message()}"
    step atca.lockConfig().message()
}
// 2. Data zone.
step atca.lockData().message()

// 3. Keys: the write key into slot 4, then the private key into slot 0 (encrypted with it).
def holdsKey = { int slot ->
    try {
        atca.publicKey(slot) == key.publicKey()
    } catch (SeshException e) {
        false
    }
}
if (holdsKey(0)) {
    step 'slots 4 and 0: slot 0 already holds ' + keyFile.fileName
} else {
    step KeyImport.set(atca, 4, writeKeyFile, Optional.empty(), Optional.empty()).message()
    step KeyImport.set(atca, 0, keyFile, Optional.of(writeKeyFile), Optional.of(certFile)).message()
}

// 4. The certificate on the board's filesystem.
def certName = certFile.fileName.toString()
byte[] certBytes = Files.readAllBytes(certFile)
if (fs.stat(certName).isPresent() && Arrays.equals(fs.read(certName), certBytes)) {
    step "fs: $certName already on the board"
} else {
    fs.put(certName, certBytes, true)
    step "fs: $certName written (${certBytes.length} bytes, read back)"
}

// 5. Firmware config: HTTPS with the chip's key; keys already set are left out, so a re-run sends nothing.
def settings = ['sys.atca.enable': true, 'http.listen_addr': ':443', 'http.ssl_cert': certName, 'http.ssl_key': 'ATCA:0']
def changed = config.set(settings).changed()
step changed ? "config: set ${changed.join(', ')} and rebooted" : 'config: already set'

// 6. Check: the chip signs a fresh digest with slot 0; the certificate's key must verify it.
def sha = MessageDigest.getInstance('SHA-256')
sha.update(atca.random().toArray())
sha.update(chip.serial.bytes)
def digest = bytes(sha.digest())
def signature = atca.sign(0, digest)
if (!P256.verify(key.publicKey(), digest, signature)) {
    throw SeshException.failed('slot 0 signed, but the signature does not verify with ' + certFile.fileName, 'run atca slot 0 and check the key')
}
step 'check: slot 0 signed a fresh digest; the signature verifies with the certificate\'s key'
println 'provisioned'
