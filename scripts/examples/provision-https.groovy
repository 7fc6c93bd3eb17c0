// From a factory-new board to a page served over HTTPS whose TLS private key never leaves the
// ATECC: the chip makes the key in slot 0 and signs its own certificate, the board's HTTP server
// uses ATCA:0, and the page is fetched trusting only that certificate.
// Locks are irreversible: the gate asks for the typed phrase, or run with --yes-irreversible.
//
//   sesh --port sim:./board1 --yes-irreversible run scripts/examples/provision-https.groovy \
//        scripts/examples/configs/atca-aws-test.yaml [ecc.crt.pem]
if (!args) throw SeshException.badArg('provision-https.groovy needs a config file', 'give CONFIG.yaml [OUT.crt.pem]')
def configFile = inputFiles(args[0])[0].toString()
def certFile = args.length > 1 ? args[1] : 'ecc.crt.pem'
def wanted = chipConfig(configFile)           // read and checked before anything is sent

// 1-2. I2C and the ATCA service on (the board saves and reboots)
config.set('i2c.enable': true, 'sys.atca.enable': true)

// 3-5. the chip's config, then both locks
atca.setConfig(wanted)
atca.lockConfig()
atca.lockData()

// 6. a fresh key in slot 0, made inside the chip
println atca.keys.generate(0).message()

// 7. a self-signed certificate for it, signed by the chip, naming the address it is reached on
def cert = x509.selfsignOnChip(atca, 0, certFile, subject: 'CN=test.acme.com, O=ACME Ltd', days: 3650,
        san: 'IP:127.0.0.1,DNS:localhost')
println "certificate for slot 0's key: $certFile (${cert.fingerprint})"

// 8-9. the certificate onto the board, the HTTP server on 443 with the key in the chip (reboot)
fs.put('ecc.crt.pem', new File(certFile))
config.set('http.listen_addr': ':443', 'http.ssl_cert': 'ecc.crt.pem', 'http.ssl_key': 'ATCA:0')

// 10. the page, from a client that trusts only that certificate
def page = board.https(certFile).get('/')
println "GET ${page.url} -> ${page.status}"
println page.body
