package dev.sesh.cli;

import dev.sesh.testing.ReliabilityDoc;
import dev.sesh.testing.Vectors;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provisioning flow with a known write key, private key and Wi-Fi password, every step with
 * {@code --debug} (wire trace and device log on stderr), plus a console session that types the same
 * secrets: stdout, stderr, {@code $SESH_HOME/history} and {@code $SESH_HOME/audit.log} must hold none
 * of them in any encoding (design.md 5.11). What is searched: every 8-byte window of each secret as
 * lower and upper hex, as decimal bytes (signed and unsigned; separated by ", ", "," or " "), base64
 * (standard and URL-safe, every 12-character window of the secret encoded at each of its 3 byte
 * alignments), the private key file's PEM body lines, and the password text itself.
 */
class SecretScanTest {
    @TempDir Path home;
    @TempDir Path board;
    @TempDir Path files;

    static final byte[] WRITE_KEY = HexFormat.of().parseHex("4a1c9e0b7d3f62a85517c0e4b9d2f36e8a0c71b4e5f9d23a6c087b1e4f5a92d3");
    static final byte[] PRIVATE = HexFormat.of().parseHex("6b2d9f40c81e73a5d0f4b7e29c36a1d85e0f7b43c2a9168d7e5b30f4a1c8d629");
    static final String PASSWORD = "Tr0ub4dor&3-lab-wifi";

    final List<String> transcripts = new ArrayList<>();

    @Test void provisioningWithDebugLeaksNoSecret() throws IOException {
        Path pem = files.resolve("device-key.pem");
        Files.writeString(pem, sec1Pem(PRIVATE));
        Path wk = Files.writeString(files.resolve("write-key.hex"), HexFormat.of().formatHex(WRITE_KEY) + "\n");
        String aws = Vectors.referenceDir().resolve("atca-aws-test.yaml").toString();
        String b64 = Base64.getEncoder().encodeToString(WRITE_KEY);

        step("--yes", "config", "set", "sys.atca.enable=true", "wifi.sta.ssid=lab", "wifi.sta.pass=" + PASSWORD);
        step("--yes", "atca", "config", "set", aws);
        step("--yes-irreversible", "atca", "lock", "config");
        step("--yes", "call", "ATCA.SetKey", "{\"slot\":4,\"key\":\"" + b64 + "\"}");
        step("--yes-irreversible", "atca", "lock", "data");
        step("--yes-irreversible", "call", "ATCA.SetKey", "{\"slot\":0,\"ecc\":true,\"key\":\"" + Base64.getEncoder().encodeToString(PRIVATE)
                + "\",\"wkey\":\"" + b64 + "\",\"wkslot\":4}");
        step("--yes-irreversible", "-c", "call ATCA.SetKey '{\"slot\":1,\"ecc\":true,\"key\":\"" + Base64.getEncoder().encodeToString(PRIVATE)
                + "\",\"wkey\":\"" + b64 + "\",\"wkslot\":4}'");
        // The key commands, on both back ends: the host driver keeps the write key off the link; ATCA.SetKey carries it (redacted in the trace).
        step("--yes-irreversible", "--via", "i2c", "atca", "key", "set", "3", pem.toString(), "--write-key", wk.toString());
        step("--yes-irreversible", "--via", "rpc", "atca", "key", "set", "0", pem.toString(), "--write-key", wk.toString());
        step("--yes", "--via", "rpc", "atca", "key", "set", "8", wk.toString(), "--write-key", wk.toString());
        step("atca", "info");
        console("config get wifi.sta.ssid", "config set wifi.sta.pass=" + PASSWORD,
                "call ATCA.SetKey '{\"slot\":2,\"ecc\":true,\"key\":\"" + Base64.getEncoder().encodeToString(PRIVATE) + "\",\"wkey\":\"" + b64 + "\",\"wkslot\":4}'",
                "exit");

        Map<String, String> places = new LinkedHashMap<>();
        for (int i = 0; i < transcripts.size(); i++) places.put("run " + (i + 1), transcripts.get(i));
        for (String name : List.of("history", "audit.log")) {
            Path p = home.resolve(name);
            places.put("$SESH_HOME/" + name, Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "");
        }
        assertTrue(places.get("$SESH_HOME/history").contains("config get wifi.sta.ssid"),
                "the console session reached the history file: " + places.get("$SESH_HOME/history"));
        assertTrue(transcripts.stream().anyMatch(t -> t.contains("==> ")), "the wire trace was on");

        Set<String> needles = new LinkedHashSet<>();
        needles.addAll(encodings(WRITE_KEY));
        needles.addAll(encodings(PRIVATE));
        needles.add(PASSWORD);
        pemLines(Files.readString(pem)).forEach(needles::add);
        List<String> hits = new ArrayList<>();
        for (var e : places.entrySet()) {
            for (String n : needles) if (e.getValue().contains(n)) hits.add(e.getKey() + ": " + n);
        }
        ReliabilityDoc.section("secret-scan", "## Secret scan\n\nWritten by `SecretScanTest`: the provisioning flow that exists "
                + "(config with a Wi-Fi password, `atca config set`, both locks, the write key and private keys through `call ATCA.SetKey`, "
                + "`atca key set` of the private key with `--write-key` over both back ends (`--via i2c`, `--via rpc`) and of a secret data slot, `atca info`), every run with `--debug`, and a console session typing the same secrets. "
                + "Searched: " + places.size() + " places (" + transcripts.size() + " runs' stdout+stderr with the wire trace, "
                + "$SESH_HOME/history, $SESH_HOME/audit.log) for " + needles.size()
                + " encodings of 2 keys and 1 password (every 8-byte window as hex lower/upper and decimal bytes, base64 and URL-safe "
                + "base64 windows at each alignment, the PEM body lines, the password).\n\nHits: " + hits.size() + ".\n"
                + (hits.isEmpty() ? "" : "\n" + String.join("\n", hits.stream().map(h -> "- " + h).toList()) + "\n"));
        assertEquals(List.of(), hits);
    }

    private void step(String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + board, "--debug"));
        all.addAll(List.of(args));
        SeshRuns.Run r = SeshRuns.run(home, all.toArray(String[]::new));
        transcripts.add(r.out() + r.err());
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
    }

    private void console(String... lines) {
        String typed = String.join("\n", lines) + "\n";
        SeshRuns.Run r = SeshRuns.typed(home, typed, "--port", "sim:" + board, "--debug", "--yes-irreversible");
        transcripts.add(r.out() + r.err());
    }

    /** Every 8-byte window of {@code s}: hex, decimal and base64 forms, as listed in the class comment. */
    static Set<String> encodings(byte[] s) {
        Set<String> out = new LinkedHashSet<>();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i + 8 <= s.length; i++) {
            byte[] w = java.util.Arrays.copyOfRange(s, i, i + 8);
            out.add(hex.formatHex(w));
            out.add(hex.withUpperCase().formatHex(w));
            out.add(hex.withDelimiter(" ").formatHex(w));
            out.add(hex.withUpperCase().withDelimiter(" ").formatHex(w));
            for (String sep : List.of(", ", ",", " ")) {
                StringBuilder u = new StringBuilder(), sg = new StringBuilder();
                for (int k = 0; k < 8; k++) {
                    if (k > 0) { u.append(sep); sg.append(sep); }
                    u.append(w[k] & 0xff);
                    sg.append(w[k]);
                }
                out.add(u.toString());
                out.add(sg.toString());
            }
        }
        for (int align = 0; align < 3; align++) {
            byte[] tail = java.util.Arrays.copyOfRange(s, align, s.length);
            for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String b = enc.encodeToString(tail);
                for (int i = 0; i + 12 <= b.length() - 4; i += 4) out.add(b.substring(i, i + 12));
            }
        }
        return out;
    }

    static List<String> pemLines(String pem) {
        return pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 12).toList();
    }

    /** SEC1 "EC PRIVATE KEY" PEM of a P-256 scalar (without the public key), as openssl writes it. */
    static String sec1Pem(byte[] scalar) throws IOException {
        ECPrivateKey k = new ECPrivateKey(256, new BigInteger(1, scalar), SECObjectIdentifiers.secp256r1);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(k.getEncoded());
        return "-----BEGIN EC PRIVATE KEY-----\n" + body + "\n-----END EC PRIVATE KEY-----\n";
    }
}
