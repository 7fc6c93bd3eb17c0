package dev.sesh.x509;

import dev.sesh.SeshException;
import dev.sesh.atca.SecretBytes;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key file formats of design.md 5.13, and one-line refusals that never show key bytes. */
class KeyFilesTest {
    static final Bytes D = Vectors.hex("ecc", "private_key");
    static final Bytes XY = Vectors.hex("ecc", "public_key_xy");
    static final String EC_PARAMETERS = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @TempDir Path dir;

    Path file(String name, String text) throws Exception { return Files.writeString(dir.resolve(name), text); }

    Path file(String name, byte[] raw) throws Exception { return Files.write(dir.resolve(name), raw); }

    static void assertKey(PrivateKeyFile k) {
        assertEquals(D, k.scalar().bytes());
        assertEquals(XY, k.publicKey());
    }

    @Test
    void readsSec1PemFromTheVectors() throws Exception {
        PrivateKeyFile k = KeyFiles.readPrivate(file("ecc.key.pem", Vectors.at("ecc", "private_key_pem_ec_private_key").asText()));
        assertKey(k);
        assertEquals("PEM EC PRIVATE KEY", k.format());
    }

    @Test
    void readsOpensslEcparamOutputWithLeadingEcParametersBlock() throws Exception {
        assertKey(KeyFiles.readPrivate(file("ecc.key.pem", EC_PARAMETERS + Vectors.at("ecc", "private_key_pem_ec_private_key").asText())));
    }

    @Test
    void readsPkcs8PemAndDer() throws Exception {
        KeyPair kp = ecPair("secp256r1");
        String pem = pem("PRIVATE KEY", kp.getPrivate().getEncoded());
        PrivateKeyFile k = KeyFiles.readPrivate(file("p8.pem", pem));
        assertEquals("PEM PRIVATE KEY (PKCS#8)", k.format());
        assertEquals(KeyFiles.readPublic(file("pub.pem", pem("PUBLIC KEY", kp.getPublic().getEncoded()))), k.publicKey());
        assertEquals(k.publicKey(), KeyFiles.readPrivate(file("p8.der", kp.getPrivate().getEncoded())).publicKey());
    }

    @Test
    void readsHexTextAsOpensslRandWritesIt() throws Exception {
        assertKey(KeyFiles.readPrivate(file("d.hex", D.hex() + "\n")));
        assertKey(KeyFiles.readPrivate(file("d2.hex", "0x" + D.hex().toUpperCase().replaceAll("(..)", "$1 "))));
    }

    @Test
    void trimsA33ByteScalarWithLeadingZeroLikeMos() throws Exception {
        assertKey(KeyFiles.readPrivate(file("d33.hex", "00" + D.hex())));
    }

    @Test
    void readsRaw32Bytes() throws Exception {
        PrivateKeyFile k = KeyFiles.readPrivate(file("d.bin", D.toArray()));
        assertKey(k);
        assertEquals("raw 32 bytes", k.format());
    }

    @Test
    void leftPadsShortScalarsTo32Bytes() throws Exception {
        Bytes small = Bytes.ofHex("00".repeat(31) + "07");
        PrivateKeyFile k = KeyFiles.readPrivate(file("small.hex", small.hex()));
        assertEquals(32, k.scalar().length());
        assertEquals(small, k.scalar().bytes());
        Path written = dir.resolve("small.pem");
        Files.writeString(written, KeyGen.pem(k.scalar(), k.publicKey()));
        assertEquals(small, KeyFiles.readPrivate(written).scalar().bytes(), "PEM with a short integer comes back padded");
    }

    @Test
    void keygenWritesWhatItReadsBackAndRefusesToOverwrite() throws Exception {
        Path out = dir.resolve("new.key.pem");
        PrivateKeyFile made = KeyGen.generate(out, new SecureRandom());
        String text = Files.readString(out);
        assertTrue(text.startsWith("-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n-----BEGIN EC PRIVATE KEY-----\n"), text);
        assertEquals(made.scalar(), KeyFiles.readPrivate(out).scalar());
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        }
        SeshException e = assertThrows(SeshException.class, () -> KeyGen.generate(out, new SecureRandom()));
        assertEquals(2, e.exitCode());
        assertEquals(text, Files.readString(out));
    }

    @Test
    void refusesWrongCurveNamingIt() throws Exception {
        KeyPair kp = ecPair("secp384r1");
        SeshException e = refused(file("p384.pem", pem("PRIVATE KEY", kp.getPrivate().getEncoded())));
        assertTrue(e.getMessage().contains("is a key on secp384r1; the ATECC stores only P-256"), e.getMessage());
    }

    @Test
    void refusesRsaKeysInPkcs1AndPkcs8() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair kp = g.generateKeyPair();
        SeshException p8 = refused(file("rsa8.pem", pem("PRIVATE KEY", kp.getPrivate().getEncoded())));
        assertTrue(p8.getMessage().endsWith("holds an RSA key; the ATECC stores only P-256 (prime256v1) keys"), p8.getMessage());
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) { pw.writeObject(kp.getPrivate()); }
        assertTrue(w.toString().contains("BEGIN RSA PRIVATE KEY"));
        assertTrue(refused(file("rsa1.pem", w.toString())).getMessage().contains("holds an RSA key"));
    }

    @Test
    void refusesEncryptedPemOfBothKinds() throws Exception {
        KeyPair kp = ecPair("secp256r1");
        StringWriter legacy = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(legacy)) {
            pw.writeObject(kp.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build("secret".toCharArray()));
        }
        assertTrue(legacy.toString().contains("Proc-Type: 4,ENCRYPTED"));
        SeshException a = refused(file("enc.pem", legacy.toString()));
        assertTrue(a.getMessage().endsWith("is an encrypted (password-protected) private key"), a.getMessage());
        assertTrue(a.hint().startsWith("decrypt it first"), a.hint());

        StringWriter p8 = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(p8)) {
            pw.writeObject(new JcaPKCS8Generator(kp.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(PKCSObjectIdentifiers.des_EDE3_CBC)
                    .setProvider(BC).setPassword("secret".toCharArray()).build()));
        }
        assertTrue(p8.toString().contains("BEGIN ENCRYPTED PRIVATE KEY"));
        assertTrue(refused(file("enc8.pem", p8.toString())).getMessage().contains("encrypted (password-protected)"));
    }

    @Test
    void refusesGarbageAndDamagedPem() throws Exception {
        assertTrue(refused(file("junk.bin", new byte[] {1, 2, 3, (byte) 0xff, 0, 9})).getMessage().endsWith("is not a key file sesh can read"));
        assertTrue(refused(file("words.txt", "hello, this is not a key\n")).getMessage().endsWith("is not a key file sesh can read"));
        assertTrue(refused(file("bad.pem", "-----BEGIN EC PRIVATE KEY-----\n!!!!\n-----END EC PRIVATE KEY-----\n")).getMessage().contains("damaged PEM"));
        assertTrue(refused(file("pub.pem", Vectors.at("ecc", "public_key_pem").asText())).getMessage().contains("holds a public key, not a private key"));
    }

    @Test
    void refusesHexOfTheWrongLength() throws Exception {
        SeshException e = refused(file("short.hex", D.slice(0, 16).hex()));
        assertTrue(e.getMessage().endsWith("holds 32 hex digits (16 bytes); a P-256 private key is 32 bytes (64 hex digits)"), e.getMessage());
        assertTrue(refused(file("odd.hex", D.hex() + "a")).getMessage().contains("odd number of hex digits"));
        assertTrue(refused(file("zero.hex", "00".repeat(32))).getMessage().contains("not a valid P-256 private key"));
    }

    @Test
    void writeKeyIsHexOrRawAndExactly32Bytes() throws Exception {
        Bytes wk = Bytes.ofHex("89623974" + "11".repeat(28));
        assertEquals(wk, KeyFiles.readSecret32(file("slot4.key", wk.hex() + "\n"), "write key").bytes());
        assertEquals(wk, KeyFiles.readSecret32(file("slot4.bin", wk.toArray()), "write key").bytes());
        SeshException e = assertThrows(SeshException.class, () -> KeyFiles.readSecret32(file("wk16.key", wk.slice(0, 16).hex()), "write key"));
        assertTrue(e.getMessage().endsWith("holds 16 bytes; a write key is 32 bytes (64 hex digits)"), e.getMessage());
        assertThrows(SeshException.class, () -> KeyFiles.readSecret32(file("wk.txt", "not hex at all"), "write key"));
    }

    @Test
    void noErrorOrToStringEverShowsTheKey() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(D.toArray());
        Path[] bad = {file("a.hex", D.hex() + "00"), file("b.hex", "ff".repeat(32))};
        for (Path p : bad) {
            SeshException e = refused(p);
            String all = e.getMessage() + e.hint();
            assertFalse(all.contains(D.hex()) || all.contains(D.slice(0, 16).hex()) || all.contains(b64), all);
        }
        PrivateKeyFile k = KeyFiles.readPrivate(file("ok.hex", D.hex()));
        String shown = k.toString() + k.scalar() + new SecretBytes("x", D);
        assertFalse(shown.contains(D.hex()) || shown.contains(b64), shown);
    }

    @Test
    void readsPublicKeysFromPemCertificatesAndPrivateKeys() throws Exception {
        assertEquals(XY, KeyFiles.readPublic(file("pub.pem", Vectors.at("ecc", "public_key_pem").asText())));
        assertEquals(XY, KeyFiles.readPublic(file("priv.pem", Vectors.at("ecc", "private_key_pem_ec_private_key").asText())));
        PrivateKeyFile k = KeyFiles.readPrivate(file("k.hex", D.hex()));
        String cert = Pem.of("CERTIFICATE", SelfSigned.build(new FileKeySigner(k), Names.subject("CN=t"), 1, java.util.Optional.empty(),
                java.time.Instant.parse("2026-01-01T00:00:00Z")).getEncoded());
        assertEquals(XY, KeyFiles.readPublic(file("c.pem", cert)));
    }

    static SeshException refused(Path p) {
        SeshException e = assertThrows(SeshException.class, () -> KeyFiles.readPrivate(p));
        assertEquals(2, e.exitCode(), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.hint().contains("\n"));
        assertFalse(e.hint().isBlank());
        return e;
    }

    static KeyPair ecPair(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
