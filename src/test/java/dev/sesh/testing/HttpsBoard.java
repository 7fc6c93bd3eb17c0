package dev.sesh.testing;

import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Clock;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import dev.sesh.sim.http.HttpService;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Matcher;

/**
 * A simulated board taken through the AWS flow of reference/atecc.md 10 with plain RPC frames (no
 * toolkit): sys.atca.enable + reboot, ATCA.SetConfig (atca-aws-test.hex), LockZone 0 and 1, the
 * write key into slot 4, a host-made P-256 key into slot 0 (encrypted PrivWrite), its self-signed
 * certificate (SAN IP:127.0.0.1) as ecc.crt.pem, then http.listen_addr=:443, ssl_cert, ssl_key=ATCA:0
 * and the reboot. Requests go straight into the board's RPC core ({@link SimBoard#rpcFrame}).
 */
public final class HttpsBoard implements AutoCloseable {
    public final Clock clock;
    public final SimBoard board;
    private final StringBuilder log = new StringBuilder();
    private int id;
    /** The certificate of slot 0's key, PEM. */
    public String certPem;

    public HttpsBoard(Clock clock) { this(clock, SimOptions.defaults()); }

    public HttpsBoard(Clock clock, SimOptions options) {
        this.clock = clock;
        this.board = SimFirmware.open(options, clock);
        board.powerOn();
    }

    /** Runs the whole flow; afterwards the board serves HTTPS. */
    public HttpsBoard provision() throws Exception {
        call("Config.Set", "{\"config\":{\"sys\":{\"atca\":{\"enable\":true}}},\"save\":true,\"reboot\":true}");
        rebootNow();
        String hex = Files.readString(Vectors.referenceDir().resolve("atca-aws-test.hex")).replaceAll("\\s", "");
        ok(call("ATCA.SetConfig", "{\"config\":\"" + b64(Bytes.ofHex(hex).toArray()) + "\"}"));
        ok(call("ATCA.LockZone", "{\"zone\":0}"));
        ok(call("ATCA.LockZone", "{\"zone\":1}"));
        byte[] writeKey = new byte[32];
        for (int i = 0; i < 32; i++) writeKey[i] = (byte) (0x40 + i);
        ok(call("ATCA.SetKey", "{\"slot\":4,\"key\":\"" + b64(writeKey) + "\"}"));
        KeyPair kp = keyPair();
        byte[] scalar = unsigned32(((ECPrivateKey) kp.getPrivate()).getS());
        ok(call("ATCA.SetKey", "{\"slot\":0,\"ecc\":true,\"key\":\"" + b64(scalar) + "\",\"wkey\":\"" + b64(writeKey) + "\",\"wkslot\":4}"));
        certPem = selfSigned(kp, "CN=test.acme.com");
        put("ecc.crt.pem", certPem);
        serve("ecc.crt.pem");
        return this;
    }

    /** Points http.ssl_cert at {@code file} (already on the board) and reboots. */
    public void serve(String certFile) {
        call("Config.Set", "{\"config\":{\"http\":{\"listen_addr\":\":443\",\"ssl_cert\":\"" + certFile
                + "\",\"ssl_key\":\"ATCA:0\"}},\"save\":true,\"reboot\":true}");
        rebootNow();
    }

    /** FS.Put of a whole text file. */
    public void put(String name, String text) {
        ok(call("FS.Put", "{\"filename\":\"" + name + "\",\"data\":\"" + b64(text.getBytes(StandardCharsets.US_ASCII)) + "\",\"append\":false}"));
    }

    /** One request frame through the RPC core; returns the reply frame's JSON. */
    public String call(String method, String params) {
        String reply = board.rpcFrame("{\"id\":" + ++id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", "HTTP", "test")
                .orElseThrow(() -> new AssertionError("no reply to " + method));
        drainLog();
        return reply;
    }

    /** ATCA.GetPubKey of {@code slot}: X || Y. */
    public Bytes publicKey(int slot) {
        String r = call("ATCA.GetPubKey", "{\"slot\":" + slot + "}");
        int at = r.indexOf("\"pubkey\": \"") + 11;
        return Bytes.of(Base64.getDecoder().decode(r.substring(at, r.indexOf('"', at))));
    }

    /** The host URL of the board's TLS listener, from the boot log's mapping line. */
    public String url() {
        Matcher m = HttpService.MAPPING.matcher(log());
        String url = null;
        while (m.find()) if (m.group(1).equals("443")) url = m.group(2);
        if (url == null) throw new AssertionError("no HTTPS mapping line in the log:\n" + log);
        return url;
    }

    /** Everything the board logged so far. */
    public synchronized String log() {
        drainLog();
        return log.toString();
    }

    private synchronized void drainLog() { log.append(new String(board.takeOutput(), StandardCharsets.ISO_8859_1)); }

    private void rebootNow() {
        for (int i = 0; i < 100 && board.nextEventAt() != Long.MAX_VALUE; i++) {
            long wait = board.nextEventAt() - clock.nanos();
            try {
                clock.sleepNanos(Math.max(0, wait));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            board.poll();
            drainLog();
        }
    }

    private static void ok(String reply) {
        if (!reply.contains("\"result\"")) throw new AssertionError("call failed: " + reply);
    }

    public static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A self-signed certificate for {@code kp} valid for 127.0.0.1 and localhost, PEM. */
    public static String selfSigned(KeyPair kp, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        long now = System.currentTimeMillis();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 86_400_000L),
                new Date(now + 86_400_000L * 365), name, (ECPublicKey) kp.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        X509Certificate c = new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        pem.writeBytes("-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        pem.writeBytes(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encode(c.getEncoded()));
        pem.writeBytes("\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        return pem.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] unsigned32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static String b64(byte[] b) { return Base64.getEncoder().encodeToString(b); }

    @Override public void close() { board.powerOff(); }
}
