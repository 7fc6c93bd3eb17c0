package dev.sesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.testing.Vectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code aws-iot setup} offline, on a persistent simulated board: a local CA stands in for AWS IoT
 * (the aws tool is switched off with the sesh.aws property, so the offline path runs).
 */
class AwsIotMainTest {
    @TempDir Path home;
    @TempDir Path boardDir;
    @TempDir Path work;

    @BeforeEach void noAwsTool() { System.setProperty("sesh.aws", ""); }

    @AfterEach void restore() { System.clearProperty("sesh.aws"); }

    /** A run against this test's board folder. */
    SeshRuns.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + boardDir));
        all.addAll(List.of(args));
        return SeshRuns.run(home, all.toArray(String[]::new));
    }

    SeshRuns.Run ok(SeshRuns.Run r) {
        assertEquals(0, r.code(), r.err());
        return r;
    }

    String f(String name) { return work.resolve(name).toString(); }

    void lockedAwsChip() {
        ok(run("--yes", "config", "set", "sys.atca.enable=true"));
        ok(run("--yes", "atca", "config", "set", Vectors.referenceDir().resolve("atca-aws-test.yaml").toString()));
        ok(run("--yes-irreversible", "atca", "lock", "config"));
        ok(run("--yes-irreversible", "atca", "lock", "data"));
    }

    /** What a user can see of the board's state: its files and its mqtt/aws config. */
    String boardState() {
        return ok(run("fs", "ls")).out() + ok(run("config", "get", "mqtt")).out() + ok(run("config", "get", "aws")).out();
    }

    /** The local CA: signs the request's key and subject, as AWS IoT's create-certificate-from-csr does. */
    static void signWithLocalCa(Path csrFile, Path certFile) throws Exception {
        PKCS10CertificationRequest csr;
        try (PEMParser p = new PEMParser(new StringReader(Files.readString(csrFile)))) {
            csr = (PKCS10CertificationRequest) p.readObject();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ca = g.generateKeyPair();
        X509CertificateHolder cert = new X509v3CertificateBuilder(new X500Name("CN=Local stand-in for AWS IoT"), BigInteger.valueOf(7),
                new Date(0), new Date(4_000_000_000_000L), csr.getSubject(), csr.getSubjectPublicKeyInfo())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate()));
        Files.writeString(certFile, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }

    static SubjectPublicKeyInfo pemKey(String text) throws Exception {
        try (PEMParser p = new PEMParser(new StringReader(text))) {
            Object o = p.readObject();
            return o instanceof X509CertificateHolder c ? c.getSubjectPublicKeyInfo() : (SubjectPublicKeyInfo) o;
        }
    }

    @Test void localCaStandsInForAwsAndTheBoardGetsTheCertificateAndMqttConfig() throws Exception {
        lockedAwsChip();
        String before = boardState();
        SeshRuns.Run offline = ok(run("--yes-irreversible", "aws-iot", "setup", "--slot", "0", "--gen-key", "--thing", "sesh-thing-0123456789", "--csr-out", f("dev.csr.pem")));
        assertTrue(offline.out().startsWith("aws iot create-certificate-from-csr --certificate-signing-request file://" + f("dev.csr.pem")
                + " --set-as-active --certificate-pem-outfile " + f("aws-sesh-thing-0123456789.crt.pem")), offline.out());
        assertTrue(offline.out().contains("aws iot attach-policy --policy-name mos-default --target "), offline.out());
        assertTrue(offline.out().contains("aws iot describe-endpoint --endpoint-type iot:Data-ATS"), offline.out());
        assertTrue(offline.out().contains("sesh aws-iot setup --slot 0 --thing sesh-thing-0123456789 --cert " + f("aws-sesh-thing-0123456789.crt.pem")), offline.out());
        assertEquals(before, boardState(), "without a certificate only the chip's key changed, not the board");

        SubjectPublicKeyInfo slotKey = pemKey(ok(run("atca", "key", "pub", "0")).out());
        try (PEMParser p = new PEMParser(new StringReader(Files.readString(work.resolve("dev.csr.pem"))))) {
            assertEquals(slotKey, ((PKCS10CertificationRequest) p.readObject()).getSubjectPublicKeyInfo(), "the request carries the slot's key");
        }
        signWithLocalCa(work.resolve("dev.csr.pem"), work.resolve("aws-sesh-thing-0123456789.crt.pem"));

        SeshRuns.Run done = ok(run("--yes", "aws-iot", "setup", "--slot", "0", "--thing", "sesh-thing-0123456789",
                "--cert", f("aws-sesh-thing-0123456789.crt.pem"), "--endpoint", "abc123-ats.iot.eu-west-1.amazonaws.com"));
        assertEquals("board set up for AWS IoT: aws-sesh-thing-01234.crt.pem on the board, mqtt.server=abc123-ats.iot.eu-west-1.amazonaws.com:8883, mqtt.ssl_key=ATCA:0\n", done.out());
        String certPem = Files.readString(work.resolve("aws-sesh-thing-0123456789.crt.pem"));
        assertEquals(slotKey, pemKey(certPem), "the certificate's key is the chip slot's");
        assertEquals(slotKey, pemKey(ok(run("atca", "key", "pub", "0")).out()), "setup with --cert left the slot's key alone");
        ok(run("fs", "get", "aws-sesh-thing-01234.crt.pem", f("from-board.pem")));
        assertEquals(certPem, Files.readString(work.resolve("from-board.pem")), "the certificate is on the board");

        JsonNode mqtt = new ObjectMapper().readTree(ok(run("config", "get", "mqtt", "--json")).out());
        assertTrue(mqtt.get("enable").asBoolean());
        assertEquals("abc123-ats.iot.eu-west-1.amazonaws.com:8883", mqtt.get("server").asText());
        assertEquals("aws-sesh-thing-01234.crt.pem", mqtt.get("ssl_cert").asText());
        assertEquals("ATCA:0", mqtt.get("ssl_key").asText());
        assertEquals("ca.pem", mqtt.get("ssl_ca_cert").asText());
        assertEquals("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256:TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256:TLS-RSA-WITH-AES-128-GCM-SHA256",
                mqtt.get("ssl_cipher_suites").asText());
        assertEquals("\"sesh-thing-0123456789\"\n", ok(run("config", "get", "aws.thing_name", "--json")).out());
        // The same slot key once more, now with an aws tool: the online path through the port.
        withAnAwsToolTheRequestIsSignedThePolicyAttachedAndTheBoardSetUp(work.resolve("aws-sesh-thing-0123456789.crt.pem"));
    }

    /**
     * The online path through the aws port (after the test above made slot 0's key and a certificate for it): a stand-in aws tool (a shell script on the sesh.aws
     * property) answers sts, signs by copying a certificate the local CA made for the slot's key,
     * and prints nothing for attach-policy, as the real tool does.
     */
    private void withAnAwsToolTheRequestIsSignedThePolicyAttachedAndTheBoardSetUp(Path signed) throws Exception {
        Path log = work.resolve("aws.log");
        Path aws = work.resolve("aws");
        Files.writeString(aws, String.join("\n", "#!/bin/sh",
                "echo \"$*\" >> '" + log + "'",
                "case \"$1 $2\" in",
                "  'sts get-caller-identity') echo '{\"Account\": \"123456789012\"}' ;;",
                "  'iot create-certificate-from-csr') while [ $# -gt 0 ]; do [ \"$1\" = --certificate-pem-outfile ] && cp '"
                        + signed + "' \"$2\"; shift; done; echo arn:aws:iot:eu-west-1:123456789012:cert/abc ;;",
                "  'iot attach-policy') ;;",
                "  'iot describe-endpoint') echo abc123-ats.iot.eu-west-1.amazonaws.com ;;",
                "  *) exit 1 ;;",
                "esac", ""));
        assertTrue(aws.toFile().setExecutable(true));
        System.setProperty("sesh.aws", aws.toString());
        SeshRuns.Run done = ok(run("--yes", "aws-iot", "setup", "--slot", "0", "--thing", "thing-1", "--csr-out", f("second.csr.pem")));
        assertEquals("board set up for AWS IoT: aws-thing-1.crt.pem on the board, mqtt.server=abc123-ats.iot.eu-west-1.amazonaws.com:8883, mqtt.ssl_key=ATCA:0\n", done.out());
        assertTrue(done.err().contains("policy mos-default attached"), done.err());
        List<String> calls = Files.readAllLines(log);
        assertEquals(4, calls.size(), String.join("\n", calls));
        assertEquals("iot attach-policy --policy-name mos-default --target arn:aws:iot:eu-west-1:123456789012:cert/abc", calls.get(2));
        assertEquals(Files.readString(signed), Files.readString(work.resolve("aws-thing-1.crt.pem")));
    }

    @Test void unlockedChipIsOneLineNamingAtcaLock() {
        SeshRuns.Run r = run("--yes", "aws-iot", "setup", "--slot", "0", "--csr-out", f("x.csr.pem"));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("Enabling ATCA..."), "the ATCA lib is turned on first, as mos does: " + r.err());
        assertTrue(r.err().contains("atca lock"), r.err());
        assertFalse(Files.exists(work.resolve("x.csr.pem")), "no request without locked zones");
    }

    @Test void certificateOfAnotherKeyIsRefusedAndTheBoardIsUnchanged() throws Exception {
        lockedAwsChip();
        ok(run("--yes-irreversible", "aws-iot", "setup", "--slot", "0", "--gen-key", "--csr-out", f("a.csr.pem")));
        ok(run("x509", "keygen", f("other.key.pem")));
        ok(run("x509", "selfsign", f("other.key.pem"), f("a.crt.pem"), "--subject", "CN=other", "--days", "30"));
        String before = boardState();
        SeshRuns.Run r = run("--yes", "aws-iot", "setup", "--slot", "0", "--cert", f("a.crt.pem"), "--endpoint", "abc123-ats.iot.eu-west-1.amazonaws.com");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is not slot 0's"), r.err());
        assertEquals(before, boardState());
    }

    @Test void withoutATerminalOrYesNothingChanges() throws Exception {
        lockedAwsChip();
        ok(run("--yes-irreversible", "aws-iot", "setup", "--slot", "1", "--gen-key", "--csr-out", f("b.csr.pem")));
        signWithLocalCa(work.resolve("b.csr.pem"), work.resolve("b.crt.pem"));
        String before = boardState();
        SeshRuns.Run r = run("aws-iot", "setup", "--slot", "1", "--cert", f("b.crt.pem"), "--endpoint", "abc123-ats.iot.eu-west-1.amazonaws.com");
        assertEquals(3, r.code(), r.err());
        assertEquals(before, boardState());
    }

    @Test void slotsAbove7AreRefusedAsMosDoes() {
        SeshRuns.Run r = run("aws-iot", "setup", "--slot", "8");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("0-7"), r.err());
    }
}
