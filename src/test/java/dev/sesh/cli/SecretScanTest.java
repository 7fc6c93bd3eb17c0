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
        Set<Path> planted = Set.of(pem, wk);
        String aws = Vectors.referenceDir().resolve("atca-aws-test.yaml").toString();
        String b64 = Base64.getEncoder().encodeToString(WRITE_KEY);
        String wkHex = HexFormat.of().formatHex(WRITE_KEY);

        Set<String> needles = new LinkedHashSet<>();
        needles.addAll(encodings(WRITE_KEY));
        needles.addAll(encodings(PRIVATE));
        needles.add(PASSWORD);
        pemLines(Files.readString(pem)).forEach(needles::add);
        // The key files as a whole, as FS.Put carries them (base64 of the PEM text, of the hex text).
        needles.addAll(encodings(Files.readAllBytes(pem)));
        needles.addAll(encodings(Files.readAllBytes(wk)));

        // Positive control: an output that does hold the secret (the user echoes it at the prompt,
        // and a file with the key's base64) must be caught, or a 0 below means nothing.
        SeshRuns.Run echo = SeshRuns.run(home, "--port", "sim:", "-c", "'" + wkHex.toUpperCase() + "'");
        Map<String, String> control = new LinkedHashMap<>();
        control.put("control: -c echo of the write key", echo.out() + echo.err());
        control.put("control: file with the private key's base64", "x " + Base64.getEncoder().encodeToString(PRIVATE) + " y");
        List<String> caught = scan(control, needles);
        assertTrue(caught.stream().anyMatch(h -> h.startsWith("control: -c")) && caught.stream().anyMatch(h -> h.startsWith("control: file")),
                "the scan misses a planted secret: " + caught);

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
        step("--via", "i2c", "atca", "key", "pub", "0", files.resolve("slot0.pub.pem").toString());
        step("--via", "rpc", "atca", "csr", "0", files.resolve("slot0.csr.pem").toString(), "--subject", "CN=scan");
        step("--via", "i2c", "atca", "config", "get", files.resolve("config.yaml").toString());
        // Issue 16 rows: a key file put on an (in-memory) board (5), DATA_HEX in capitals (9), raw key bytes to the chip (7),
        // the key and write key reached from Groovy (2), and errors on purpose: wrong argument types (5), selfsign over the key (3),
        // a private key given as the write key (6).
        stepOn("sim:", "--yes", "fs", "put", pem.toString(), "key.pem");
        stepOn("sim:", "--yes", "fs", "put", wk.toString(), "wk.hex");
        tolerate("--yes", "call", "I2C.Write", "{\"addr\":96,\"DATA_HEX\":\"" + wkHex + "\"}");
        tolerate("--yes", "call", "I2C.Write", "{\"Addr\":\"0x60\",\"data_hex\":\"" + wkHex.toUpperCase() + "\"}");
        tolerate("--yes", "-c", "i2c.write(0x60, bytes(new File('" + wk + "').text.trim()))");
        tolerate("-c", "x509.readKey('" + pem + "').scalar");
        tolerate("-c", "x509.importKey(atca, new File('" + wk + "').text.trim())");
        tolerate("x509", "selfsign", pem.toString(), pem.toString(), "--subject", "CN=x", "--days", "1");
        tolerate("--yes", "--via", "i2c", "atca", "key", "set", "0", pem.toString(), "--write-key", pem.toString());
        Path script = Files.writeString(files.resolve("scan.groovy"), String.join("\n",
                "def k = x509.readKey('" + pem + "')",
                "println k",
                "println k.scalar",
                "i2c.write(0x60, bytes(new File('" + wk + "').text.trim()))",
                "x509.importKey(atca, 1, new File('" + wk + "').text.trim().decodeHex())") + "\n");
        tolerate("--yes", "run", script.toString());
        console("config get wifi.sta.ssid", "config set wifi.sta.pass=" + PASSWORD,
                "call ATCA.SetKey '{\"slot\":2,\"ecc\":true,\"key\":\"" + Base64.getEncoder().encodeToString(PRIVATE) + "\",\"wkey\":\"" + b64 + "\",\"wkslot\":4}'",
                "s = x509.readKey('" + pem + "').scalar", "k = x509.readKey('" + pem + "')", "vars", "vars --json",
                "i2c.write(0x60, bytes(new File('" + wk + "').text.trim()))",
                "call I2C.Write '{\"addr\":96.0,\"Data_Hex\":\"" + wkHex + "\"}'",
                "x509.importKey(atca, new File('" + wk + "').text.trim())",
                "exit");

        Map<String, String> places = new LinkedHashMap<>();
        for (int i = 0; i < transcripts.size(); i++) places.put("run " + (i + 1), transcripts.get(i));
        for (String name : List.of("history", "audit.log")) {
            Path p = home.resolve(name);
            places.put("$SESH_HOME/" + name, Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "");
        }
        int written = 0, boardFiles = 0;
        try (var walk = Files.walk(files)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !planted.contains(f) && !f.equals(script)).toList()) {
                places.put("written by sesh: " + f.getFileName(), Files.readString(f, StandardCharsets.ISO_8859_1));
                written++;
            }
        }
        try (var walk = Files.walk(board)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("atecc.bin")).toList()) {
                places.put("sim board: " + board.relativize(f), Files.readString(f, StandardCharsets.ISO_8859_1));
                boardFiles++;
            }
        }
        assertTrue(places.get("$SESH_HOME/history").contains("config get wifi.sta.ssid"),
                "the console session reached the history file: " + places.get("$SESH_HOME/history"));
        assertTrue(transcripts.stream().anyMatch(t -> t.contains("==> ")), "the wire trace was on");
        assertTrue(written >= 3 && boardFiles > 0, "files sesh wrote and board files were scanned: " + written + ", " + boardFiles);

        List<String> hits = scan(places, needles);
        // The board's own config (fs/conf9.json) must hold the Wi-Fi password the user set: that is where the
        // firmware keeps it, as the EEPROM keeps the keys. Key material must not be there, so only the password is exempt.
        hits.removeIf(h -> h.startsWith("sim board: fs/conf") && h.endsWith(": " + PASSWORD));
        ReliabilityDoc.section("secret-scan", "## Secret scan\n\nWritten by `SecretScanTest`. **Control first:** the scan is run on an output that "
                + "does hold a secret (`sesh -c` echoing the write key in capitals, and a text with the private key's base64) and must report both: "
                + "it caught " + caught.size() + " encodings there. Then the flow: config with a Wi-Fi password, `atca config set`, both locks, the write key and "
                + "private keys through `call ATCA.SetKey`, `atca key set` of the private key with `--write-key` over both back ends (`--via i2c`, `--via rpc`) "
                + "and of a secret data slot, `atca info`, `atca key pub`/`csr`/`config get` to files, and every row of issue 16: `fs put` of the key file "
                + "and of the write key, `call I2C.Write` with `DATA_HEX` and a hex-string address, `i2c.write(0x60, key bytes)` from `-c`, a script and the console, "
                + "`x509.readKey(..).scalar` and `vars`/`vars --json`, errors on purpose (wrong argument types with the write key, `x509 selfsign` over the key, "
                + "a private key given as `--write-key`), a script file, and a console session typing the same secrets; every run with `--debug`. "
                + "Searched: " + places.size() + " places (" + transcripts.size() + " runs' stdout+stderr with the wire trace and stack traces, "
                + "$SESH_HOME/history, $SESH_HOME/audit.log, " + written + " files sesh wrote, " + boardFiles + " files of the simulated board other than "
                + "the chip's EEPROM `atecc.bin`; the Wi-Fi password is expected in the board's own config `fs/conf9.json`, key material is not) for " + needles.size()
                + " encodings of 2 keys, their 2 files and 1 password (every 8-byte window as hex lower/upper and decimal bytes, base64 and URL-safe "
                + "base64 windows at each alignment, the PEM body lines, the password).\n\nHits: " + hits.size() + ".\n"
                + (hits.isEmpty() ? "" : "\n" + String.join("\n", hits.stream().map(h -> "- " + h).toList()) + "\n"));
        assertEquals(List.of(), hits);
    }

    static List<String> scan(Map<String, String> places, Set<String> needles) {
        List<String> hits = new ArrayList<>();
        for (var e : places.entrySet()) {
            for (String n : needles) if (e.getValue().contains(n)) hits.add(e.getKey() + ": " + n);
        }
        return hits;
    }

    /** A step that fails on purpose (or may): its output is scanned, its exit code is not checked. */
    private void tolerate(String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + board, "--debug"));
        all.addAll(List.of(args));
        SeshRuns.Run r = SeshRuns.run(home, all.toArray(String[]::new));
        transcripts.add(r.out() + r.err());
    }

    private void stepOn(String port, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", port, "--debug"));
        all.addAll(List.of(args));
        SeshRuns.Run r = SeshRuns.run(home, all.toArray(String[]::new));
        transcripts.add(r.out() + r.err());
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
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
