package dev.sesh.x509;

import dev.sesh.SeshException;
import dev.sesh.atca.SecretBytes;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Self-signed certificates, CSRs and x509 show, checked with the JDK's and Bouncy Castle's verifiers. */
class CertificatesTest {
    static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    static final PrivateKeyFile KEY = new PrivateKeyFile("ecc.key.pem", "hex", new SecretBytes("ecc.key.pem", Vectors.hex("ecc", "private_key")),
            Vectors.hex("ecc", "public_key_xy"));

    @TempDir Path dir;

    @Test
    void fileKeySignerReproducesTheRfc6979VectorSignature() {
        Bytes rs = new FileKeySigner(KEY).signDigest(Vectors.hex("ecc", "sign", "digest"));
        assertEquals(Vectors.hex("ecc", "sign", "signature_rs"), rs);
        assertEquals(Vectors.hex("ecc", "sign", "signature_der"), Bytes.of(P256.derSignature(rs)));
        assertEquals(rs, P256.rawSignature(P256.derSignature(rs)));
    }

    @Test
    void verifyAcceptsTheVectorAndRejectsAnyFlippedBit() {
        Bytes digest = Vectors.hex("ecc", "sign", "digest");
        Bytes rs = Vectors.hex("ecc", "sign", "signature_rs");
        assertTrue(P256.verify(KEY.publicKey(), digest, rs));
        assertTrue(P256.verify(KEY.publicKey(), digest, Vectors.hex("ecc", "sign", "second_signature_rs_random_k")));
        byte[] bad = rs.toArray();
        bad[40] ^= 1;
        assertFalse(P256.verify(KEY.publicKey(), digest, Bytes.of(bad)));
        assertFalse(P256.verify(KEY.publicKey(), Bytes.of(new byte[32]), rs));
    }

    @Test
    void selfSignedCertificateVerifiesWithTheJdkAndHasTheRequestedFields() throws Exception {
        X509CertificateHolder holder = SelfSigned.build(new FileKeySigner(KEY), Names.subject("/C=IE/L=Dublin/O=ACME Ltd/OU=Testing/CN=test.acme.com"),
                3650, Optional.of(Names.subjectAltNames("DNS:localhost,IP:127.0.0.1")), NOW);
        X509Certificate c = new JcaX509CertificateConverter().getCertificate(holder);
        c.verify(c.getPublicKey());
        c.checkValidity(java.util.Date.from(NOW.plus(Duration.ofDays(3649))));
        assertEquals("C=IE,L=Dublin,O=ACME Ltd,OU=Testing,CN=test.acme.com", holder.getSubject().toString());
        assertEquals(NOW, c.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(3650)), c.getNotAfter().toInstant());
        assertEquals(3, c.getVersion());
        assertTrue(c.getSerialNumber().signum() > 0);
        assertTrue(c.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));
        assertTrue(c.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("localhost")));
        assertEquals(KEY.publicKey(), KeyFiles.readPublic(Files.writeString(dir.resolve("c.pem"), Pem.of("CERTIFICATE", holder.getEncoded()))));
    }

    @Test
    void certificateFromASignerWhoseKeyDiffersIsRefused() {
        EcSigner liar = new EcSigner() {
            @Override public Bytes publicKey() { return KEY.publicKey(); }
            @Override public Bytes signDigest(Bytes digest) { return new FileKeySigner(otherKey()).signDigest(digest); }
            @Override public String describe() { return "slot 0 of the chip"; }
        };
        SeshException e = assertThrows(SeshException.class, () -> SelfSigned.build(liar, Names.subject("CN=x"), 1, Optional.empty(), NOW));
        assertEquals("the signature from slot 0 of the chip does not verify with its public key", e.getMessage());
        assertThrows(SeshException.class, () -> CsrBuilder.build(liar, Names.subject("CN=x"), Optional.empty()));
    }

    @Test
    void csrIsSignedWithTheKeyAndCarriesSubjectAndSans() throws Exception {
        PKCS10CertificationRequest csr = CsrBuilder.build(new FileKeySigner(KEY), Names.subject("CN=esp8266_0A1B2C"), Optional.of(Names.subjectAltNames("DNS:dev.local")));
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(csr.getSubjectPublicKeyInfo())));
        assertEquals(new X500Name("CN=esp8266_0A1B2C"), csr.getSubject());
        assertEquals(KEY.publicKey(), P256.xy(csr.getSubjectPublicKeyInfo(), "csr"));
        assertEquals(1, csr.getAttributes().length);
        assertTrue(CsrBuilder.pem(csr).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"));
    }

    @Test
    void certViewShowsFieldsFingerprintAndMatch() throws Exception {
        X509CertificateHolder holder = SelfSigned.build(new FileKeySigner(KEY), Names.subject("CN=test.acme.com,O=ACME Ltd"), 30,
                Optional.of(Names.subjectAltNames("IP:127.0.0.1, DNS:localhost, IP:::1")), NOW);
        Path f = Files.write(dir.resolve("c.der"), holder.getEncoded());
        CertView v = CertView.read(f);
        assertEquals("CN=test.acme.com,O=ACME Ltd", v.subject());
        assertEquals(v.subject(), v.issuer());
        assertEquals(List.of("IP:127.0.0.1", "DNS:localhost", "IP:0:0:0:0:0:0:0:1"), v.subjectAltNames());
        assertEquals("P-256", v.key());
        assertEquals(dev.sesh.atca.PublicKeys.fingerprint(KEY.publicKey()), v.fingerprint());
        assertTrue(v.selfSigned());
        assertTrue(v.matches(KEY.publicKey()));
        assertFalse(v.matches(otherKey().publicKey()));
        assertTrue(v.validAt(NOW.plus(Duration.ofDays(29))));
        assertFalse(v.validAt(NOW.plus(Duration.ofDays(31))));
    }

    @Test
    void badSubjectsSansAndDaysAreUsageErrors() {
        for (String dn : new String[] {"", "/C=IE/NOPE=1", "no equals sign"}) {
            assertEquals(2, assertThrows(SeshException.class, () -> Names.subject(dn)).exitCode(), dn);
        }
        for (String san : new String[] {"localhost", "IP:300.1.1.1", "DNS:bad_name!", "URI:x", ","}) {
            assertEquals(2, assertThrows(SeshException.class, () -> Names.subjectAltNames(san)).exitCode(), san);
        }
        assertEquals(2, assertThrows(SeshException.class, () -> SelfSigned.build(new FileKeySigner(KEY), Names.subject("CN=x"), 0, Optional.empty(), NOW)).exitCode());
    }

    @Test
    void publicKeyPemIsWhatMosWrites() {
        assertEquals(Vectors.at("ecc", "public_key_pem").asText(), Pem.publicKey(KEY.publicKey()));
    }

    static PrivateKeyFile otherKey() {
        SecretBytes d = new SecretBytes("other", Bytes.ofHex("11".repeat(32)));
        return new PrivateKeyFile("other", "hex", d, P256.publicKey(d));
    }
}
