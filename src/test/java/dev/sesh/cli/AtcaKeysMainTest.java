package dev.sesh.cli;

import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import dev.sesh.x509.CertView;
import dev.sesh.x509.KeyFiles;
import dev.sesh.x509.P256;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key, signature and certificate commands as a user runs them, one command per run on a persistent simulated board. */
class AtcaKeysMainTest {
    static final String WRITE_KEY_HEX = "5e1f0c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

    @TempDir Path home;
    @TempDir Path boardDir;
    @TempDir Path work;
    final List<String> transcript = new ArrayList<>();

    /** A run of sesh (SeshRuns), its stdout and stderr kept in {@link #transcript} for the secret scan. */
    SeshRuns.Run run(String... args) {
        SeshRuns.Run r = SeshRuns.run(home, args);
        transcript.add(r.out());
        transcript.add(r.err());
        return r;
    }

    SeshRuns.Run on(String via, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + boardDir, "--via", via));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    SeshRuns.Run ok(SeshRuns.Run r) {
        assertEquals(0, r.code(), r.err());
        return r;
    }

    String f(String name) { return work.resolve(name).toString(); }

    /** The chip part of the AWS flow (atecc.md 10 steps 2-5) with the atca engineer's commands. */
    void lockedAwsChip(String via) {
        assertTrue(ok(on(via, "i2c", "scan")).out().contains("0x60 (ATECC508A/608A?)"), "step 3: the chip answers at 96");
        ok(run("--port", "sim:" + boardDir, "--yes", "config", "set", "sys.atca.enable=true"));
        ok(on(via, "--yes", "atca", "config", "set", Vectors.referenceDir().resolve("atca-aws-test.yaml").toString()));
        ok(on(via, "--yes-irreversible", "atca", "lock", "config"));
        ok(on(via, "--yes-irreversible", "atca", "lock", "data"));
    }

    /** Step 0 on the host: the article's ecc.key.pem (EC PARAMETERS + EC PRIVATE KEY) and slot4.key. */
    void hostFiles() throws Exception {
        Files.writeString(work.resolve("ecc.key.pem"), "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + Vectors.at("ecc", "private_key_pem_ec_private_key").asText());
        Files.writeString(work.resolve("slot4.key"), WRITE_KEY_HEX + "\n");
    }

    /**
     * The article's whole flow (docs/provisioning.md) through the command line on a factory-new
     * simulated board, on both back ends: scan, enable ATCA, config, both locks, write key, encrypted
     * private key, certificate, HTTP config; then the chip's state, signatures and the secret scan.
     */
    @ParameterizedTest @ValueSource(strings = {"i2c", "rpc"})
    void awsFlowImportsTheKeysAndTheChipSignsForTheCertificate(String via) throws Exception {
        hostFiles();
        SeshRuns.Run cert = ok(run("x509", "selfsign", f("ecc.key.pem"), f("ecc.crt.pem"), "--subject", "/C=IE/L=Dublin/O=ACME Ltd/OU=Testing/CN=test.acme.com",
                "--days", "3650", "--san", "DNS:localhost,IP:127.0.0.1"));
        assertTrue(cert.out().startsWith("wrote " + f("ecc.crt.pem") + ": C=IE,L=Dublin,O=ACME Ltd,OU=Testing,CN=test.acme.com, 3650 days"), cert.out());
        lockedAwsChip(via);

        SeshRuns.Run wk = ok(on(via, "--yes", "--debug", "atca", "key", "set", "4", f("slot4.key")));
        assertTrue(wk.err().contains("==> "), "the wire trace is on, and is checked for secrets below");
        assertEquals("slot 4 written (32 bytes from " + f("slot4.key") + ", Write in the clear)\n", wk.out());
        assertTrue(wk.err().contains("cross the serial link in the clear (slot 4's WriteConfig takes clear writes)"), wk.err());

        SeshRuns.Run key = ok(on(via, "--yes", "--debug", "atca", "key", "set", "0", f("ecc.key.pem"), "--write-key", f("slot4.key"), "--cert", f("ecc.crt.pem")));
        assertEquals("slot 0 written (encrypted PrivWrite); public key read back from the chip matches " + f("ecc.key.pem") + "\n", key.out());
        assertTrue(key.err().contains("key: " + f("ecc.key.pem") + ", public key SHA-256 "), key.err());
        assertTrue(key.err().contains("(matches " + f("ecc.crt.pem") + ")"), key.err());
        assertTrue(key.err().contains(via.equals("i2c") ? "(never sent: sesh computes the encryption and MAC here)" : "(sent to the board: ATCA.SetKey encrypts there"), key.err());

        Bytes xy = KeyFiles.readPrivate(work.resolve("ecc.key.pem")).publicKey();
        Bytes digest = Bytes.of(MessageDigest.getInstance("SHA-256").digest("hello from sesh".getBytes(StandardCharsets.US_ASCII)));
        SeshRuns.Run sig = ok(on(via, "atca", "sign", "0", digest.hex()));
        Bytes rs = Bytes.ofHex(sig.out().strip());
        assertTrue(P256.verify(xy, digest, rs), "signature verifies with ecc.key.pem's public key");
        assertTrue(CertView.read(work.resolve("ecc.crt.pem")).matches(xy));
        assertTrue(ok(on(via, "atca", "verify", "--pub", f("ecc.crt.pem"), "--digest", digest.hex(), "--sig", rs.hex())).out().startsWith("signature valid: the public key in "));
        assertTrue(ok(on(via, "atca", "verify", "--slot", "0", "--digest", digest.hex(), "--sig", rs.hex())).out().startsWith("signature valid: slot 0's public key"));
        SeshRuns.Run show = ok(on(via, "x509", "show", f("ecc.crt.pem"), "--slot", "0"));
        assertTrue(show.out().contains("matches: the chip holds this certificate's key"), show.out());

        ok(on(via, "atca", "cert", "selfsign", "0", f("chip.crt.pem"), "--subject", "CN=localhost", "--days", "30", "--san", "DNS:localhost,IP:127.0.0.1"));
        X509CertificateHolder chipCert = (X509CertificateHolder) pem(work.resolve("chip.crt.pem"));
        assertTrue(dev.sesh.x509.SelfSigned.signedBy(chipCert, xy), "the chip-signed certificate verifies with slot 0's key");
        SeshRuns.Run csr = ok(on(via, "atca", "csr", "0", "--subject", "/CN=esp8266_0A1B2C"));
        PKCS10CertificationRequest req = (PKCS10CertificationRequest) new PEMParser(new StringReader(csr.out())).readObject();
        assertTrue(req.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(req.getSubjectPublicKeyInfo())));
        assertEquals(xy, P256.spki(xy).equals(req.getSubjectPublicKeyInfo()) ? xy : Bytes.EMPTY);
        assertEquals(Pem(xy), ok(on(via, "atca", "key", "pub", "0")).out());

        // Steps 6-7: the certificate on the board, the HTTP server pointed at it and at slot 0.
        ok(on(via, "--yes", "fs", "put", f("ecc.crt.pem")));
        ok(on(via, "--yes", "config", "set", "http.listen_addr=:443", "http.ssl_cert=ecc.crt.pem", "http.ssl_key=ATCA:0"));
        assertEquals("ATCA:0\n", ok(on(via, "config", "get", "http.ssl_key")).out());

        // The chip ends as the reference says: the .hex's bytes 16-83 and 88-127, bytes 84-87 zero
        // (UserExtra, Selector, LockValue, LockConfig: vector chip_image_after_data_lock), both zones locked.
        byte[] want = dev.sesh.atca.config.ConfigCodec.HEX.decode(
                Files.readString(Vectors.referenceDir().resolve("atca-aws-test.hex")), "atca-aws-test.hex").bytes().toArray();
        byte[] got = dev.sesh.atca.config.ConfigCodec.HEX.decode(
                ok(on(via, "atca", "config", "show", "--format", "hex")).out(), "chip").bytes().toArray();
        assertEquals(Bytes.of(want).slice(16, 84), Bytes.of(got).slice(16, 84));
        assertEquals(Bytes.of(want).slice(88, 128), Bytes.of(got).slice(88, 128));
        assertEquals(Bytes.ofInts(0, 0, 0, 0), Bytes.of(got).slice(84, 88));

        assertNoSecretAnywhere(Bytes.ofHex(WRITE_KEY_HEX), Vectors.hex("ecc", "private_key"));
    }

    static String Pem(Bytes xy) { return dev.sesh.x509.Pem.publicKey(xy); }

    static Object pem(Path file) throws Exception {
        try (PEMParser p = new PEMParser(Files.newBufferedReader(file))) { return p.readObject(); }
    }

    /** No output, error, audit or history line, nor any file in SESH_HOME, holds the secrets in hex or base64. */
    void assertNoSecretAnywhere(Bytes... secrets) throws Exception {
        List<String> texts = new ArrayList<>(transcript);
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) texts.add(Files.readString(p, StandardCharsets.ISO_8859_1));
        }
        assertTrue(texts.size() > transcript.size(), "the audit log exists");
        String all = String.join("\n", texts);
        for (Bytes secret : secrets) {
            assertFalse(all.toLowerCase().contains(secret.hex()), "hex of a secret");
            assertFalse(all.contains(Base64.getEncoder().encodeToString(secret.toArray())), "base64 of a secret");
        }
    }

    @Test
    void badKeyFilesAndAMissingWriteKeyAreOneLineExit2AndTheBoardIsUnchanged() throws Exception {
        hostFiles();
        lockedAwsChip("i2c");
        ok(on("i2c", "--yes", "atca", "key", "set", "4", f("slot4.key")));
        Map<String, byte[]> before = snapshot();
        Files.writeString(work.resolve("p384.pem"), KeyFilesPem.p384());
        Files.writeString(work.resolve("rsa.pem"), KeyFilesPem.rsa());
        Files.writeString(work.resolve("enc.pem"), KeyFilesPem.encrypted());
        Files.write(work.resolve("junk.bin"), new byte[] {1, 2, 3, 4, 5, (byte) 0xee});
        Files.writeString(work.resolve("short.hex"), WRITE_KEY_HEX.substring(0, 40));
        String[][] cases = {
                {"p384.pem", "is a key on secp384r1"}, {"rsa.pem", "holds an RSA key"}, {"enc.pem", "is an encrypted (password-protected) private key"},
                {"junk.bin", "is not a key file sesh can read"}, {"short.hex", "holds 40 hex digits (20 bytes)"}};
        for (String[] c : cases) {
            SeshRuns.Run r = on("i2c", "--yes-irreversible", "atca", "key", "set", "0", f(c[0]), "--write-key", f("slot4.key"));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().matches("error: [^\n]*" + java.util.regex.Pattern.quote(c[1]) + "[^\n]*\nhint: [^\n]+\n"), r.err());
            assertEquals("", r.out());
        }
        SeshRuns.Run wkShort = on("i2c", "--yes", "atca", "key", "set", "0", f("ecc.key.pem"), "--write-key", f("short.hex"));
        assertEquals(2, wkShort.code(), wkShort.err());
        SeshRuns.Run noWriteKey = on("i2c", "--yes", "atca", "key", "set", "0", f("ecc.key.pem"));
        assertEquals(2, noWriteKey.code());
        assertEquals("error: slot 0 takes only an encrypted PrivWrite now that the data zone is locked\n"
                + "hint: add --write-key FILE with the key held in slot 4\n", noWriteKey.err());
        SeshRuns.Run slot16 = on("i2c", "--yes", "atca", "key", "set", "16", f("ecc.key.pem"));
        assertEquals(2, slot16.code(), slot16.err());
        assertEquals(before.keySet(), snapshot().keySet());
        for (String k : before.keySet()) assertTrue(java.util.Arrays.equals(before.get(k), snapshot().get(k)), "board file " + k + " unchanged");
    }

    @Test
    void x509CommandsNeedNoBoardAndShowTheCertificate() throws Exception {
        SeshRuns.Run kg = ok(run("x509", "keygen", f("new.key.pem")));
        assertTrue(kg.out().matches("wrote .*new.key.pem: P-256 private key, public key SHA-256 [0-9a-f]{64}\n"), kg.out());
        ok(run("x509", "selfsign", f("new.key.pem"), f("new.crt.pem"), "--subject", "CN=localhost", "--days", "365", "--san", "DNS:localhost,IP:127.0.0.1"));
        SeshRuns.Run show = ok(run("x509", "show", f("new.crt.pem")));
        assertTrue(show.out().contains("names        DNS:localhost, IP:127.0.0.1"), show.out());
        assertTrue(show.out().contains("issuer       CN=localhost (self-signed)"), show.out());
        String fp = kg.out().substring(kg.out().length() - 65).strip();
        assertTrue(show.out().contains("key SHA-256  " + fp), show.out());
        SeshRuns.Run again = run("x509", "keygen", f("new.key.pem"));
        assertEquals(2, again.code());
        SeshRuns.Run badSan = run("x509", "selfsign", f("new.key.pem"), f("x.pem"), "--subject", "CN=x", "--days", "1", "--san", "IP:localhost");
        assertEquals(2, badSan.code());
        assertTrue(badSan.err().startsWith("error: cannot read the alternative name 'IP:localhost'"), badSan.err());
    }

    @Test
    void scriptsSeeTheX509Object() throws Exception {
        Path script = Files.writeString(work.resolve("certs.groovy"),
                "def k = x509.keygen('" + f("s.key.pem") + "')\n"
                + "def c = x509.selfsign('" + f("s.key.pem") + "', '" + f("s.crt.pem") + "', subject: '/CN=localhost', days: 2, san: 'IP:127.0.0.1')\n"
                + "println([x509.fingerprint(k.publicKey()) == c.fingerprint(), c.subjectAltNames(), \"$k\".contains('BEGIN')])\n");
        SeshRuns.Run r = ok(run("--port", "sim:", "run", script.toString()));
        assertEquals("[true, [IP:127.0.0.1], false]\n", r.out());
    }

    private Map<String, byte[]> snapshot() throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(boardDir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(boardDir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }
}
