// The provisioning flow's payoff (reference/atecc.md 10, issue 9): from a factory-new board to a
// page served over HTTPS whose TLS private key never leaves the ATECC. The key is generated in
// slot 0 by the chip, the self-signed certificate (SAN IP:127.0.0.1) is signed by the chip, the
// HTTP server is pointed at ATCA:0, and the page is fetched trusting only that certificate.
// Locks are irreversible: the gate asks for the typed phrase, or run with --yes-irreversible.
//
//   sesh --port sim: --yes-irreversible scripts/examples/provision-https.groovy atca-aws-test.yaml [ecc.crt.pem]
import com.fasterxml.jackson.databind.ObjectMapper
import dev.sesh.atca.config.ConfigCodec
import org.bouncycastle.asn1.ASN1EncodableVector
import org.bouncycastle.asn1.ASN1Integer
import org.bouncycastle.asn1.DERSequence
import org.bouncycastle.asn1.sec.SECObjectIdentifiers
import org.bouncycastle.asn1.x500.X500Name
import org.bouncycastle.asn1.x509.AlgorithmIdentifier
import org.bouncycastle.asn1.x509.Extension
import org.bouncycastle.asn1.x509.GeneralName
import org.bouncycastle.asn1.x509.GeneralNames
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers
import org.bouncycastle.cert.X509v3CertificateBuilder
import org.bouncycastle.operator.ContentSigner

import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManagerFactory
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.KeyStore
import java.security.MessageDigest
import java.security.cert.CertificateFactory

if (!args) throw new IllegalArgumentException('usage: provision-https.groovy CONFIG.yaml [OUT.crt.pem]')
def configFile = inputFiles(args[0])[0].toFile()
def certOut = new File(args.length > 1 ? args[1] : 'ecc.crt.pem')
def json = new ObjectMapper()

// 1-2. I2C and the ATCA service on (the board saves and reboots)
config.set('i2c.enable': true, 'sys.atca.enable': true)
// 3-5. the chip's config, then both locks
atca.setConfig(ConfigCodec.forFile(configFile.name).decode(configFile.text, configFile.path))
atca.lockConfig()
atca.lockData()
// 6. a fresh key in slot 0, made by the chip
byte[] xy = json.readTree(board.call('ATCA.GenKey', '{"slot":0}')).get('pubkey').binaryValue()

// 7. a self-signed certificate for it, signed by the chip (ATCA.Sign of the SHA-256 of the TBS)
def chipSigner = new ContentSigner() {
    def tbs = new ByteArrayOutputStream()
    AlgorithmIdentifier getAlgorithmIdentifier() { new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256) }
    OutputStream getOutputStream() { tbs }
    byte[] getSignature() {
        def digest = MessageDigest.getInstance('SHA-256').digest(tbs.toByteArray()).encodeBase64().toString()
        byte[] rs = json.readTree(board.call('ATCA.Sign', '{"slot":0,"digest":"' + digest + '"}')).get('signature').binaryValue()
        def v = new ASN1EncodableVector()
        v.add(new ASN1Integer(new BigInteger(1, rs[0..31] as byte[])))
        v.add(new ASN1Integer(new BigInteger(1, rs[32..63] as byte[])))
        new DERSequence(v).encoded
    }
}
byte[] point = new byte[65]
point[0] = 0x04 // uncompressed point
System.arraycopy(xy, 0, point, 1, 64)
def spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1), point)
def name = new X500Name('C=IE, L=Dublin, O=ACME Ltd, OU=Testing, CN=test.acme.com')
def now = System.currentTimeMillis()
def builder = new X509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 86400000L), new Date(now + 3650L * 86400000L), name, spki)
builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames([
        new GeneralName(GeneralName.iPAddress, '127.0.0.1'), new GeneralName(GeneralName.dNSName, 'localhost')] as GeneralName[]))
def der = builder.build(chipSigner).encoded
certOut.text = "-----BEGIN CERTIFICATE-----\n" + der.encodeBase64().toString().replaceAll(/(.{64})/, '$1\n').trim() + "\n-----END CERTIFICATE-----\n"
println "certificate for slot 0's key: ${certOut}"

// 8-9. the certificate onto the board, the HTTP server on 443 with the key in the chip (reboot)
fs.put('ecc.crt.pem', certOut)
config.set('http.listen_addr': ':443', 'http.ssl_cert': 'ecc.crt.pem', 'http.ssl_key': 'ATCA:0')

// 10. a client that trusts only that certificate
def mapping = board.linkStats().device_http
def url = mapping =~ /^443 -> (https:\S+)$/
if (!url) throw new IllegalStateException("the board did not report an HTTPS port (device_http: ${mapping}); is this a simulated board?")
def ks = KeyStore.getInstance(KeyStore.defaultType)
ks.load(null, null)
ks.setCertificateEntry('board', CertificateFactory.getInstance('X.509').generateCertificate(new ByteArrayInputStream(certOut.bytes)))
def tmf = TrustManagerFactory.getInstance(TrustManagerFactory.defaultAlgorithm)
tmf.init(ks)
def ssl = SSLContext.getInstance('TLS')
ssl.init(null, tmf.trustManagers, null)
def page = HttpClient.newBuilder().sslContext(ssl).build()
        .send(HttpRequest.newBuilder(URI.create(url[0][1] + '/')).build(), HttpResponse.BodyHandlers.ofString())
println "GET ${url[0][1]}/ -> ${page.statusCode()}"
println page.body()
