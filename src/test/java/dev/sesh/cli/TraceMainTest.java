package dev.sesh.cli;

import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoded wire trace ({@code --trace}, {@code trace on|off}; issue 19) through the command line on a simulated board. */
class TraceMainTest {
    static final String WRITE_KEY_HEX = "0badc0de9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

    @TempDir Path home;
    @TempDir Path boardDir;
    @TempDir Path work;

    SeshRuns.Run ok(String... args) {
        SeshRuns.Run r = SeshRuns.run(home, args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void configZoneReadShowsItsBytesDecodedAndTimed() {
        SeshRuns.Run r = ok("--port", "sim:", "--via", "i2c", "--trace", "atca", "config", "show", "--format", "hex");
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("--> #\\d+ I2C\\.Write 0x60 cmd Read config block 0 word 0 \\(byte 0\\) 32 bytes, crc ok")), r.err());
        // The bytes the chip answered are the ones `atca config show` prints: not redacted.
        Bytes zone = dev.sesh.atca.config.ConfigCodec.HEX.decode(r.out(), "chip").bytes();
        String data = lines.stream().filter(l -> l.contains("I2C.Read ok") && l.contains(" data ")).findFirst().orElseThrow();
        assertTrue(data.matches("<-- #\\d+ I2C\\.Read ok [0-9.]+ ms 0x60 data [0-9a-f]{64}, crc ok"), data);
        assertEquals(zone.slice(0, 32).hex(), data.replaceAll(".* data ([0-9a-f]{64}),.*", "$1"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("wake: status 0x11")), "the wake answer is named");
        // The host driver idles the chip once before its first wake (a chip left awake by someone else
        // keeps its watchdog, issue 22) and then keeps it awake between commands (issue 26);
        // ChipTraceTest names idle, sleep and reset words.
        assertTrue(lines.stream().anyMatch(l -> l.contains("(expected for the wake pulse")), "the wake pulse's NACK is explained");
        assertFalse(r.err().contains("redacted"), "a config read hides nothing");
    }

    @Test
    void otherMethodsAreOneLineEachWithTheirResult() {
        SeshRuns.Run r = ok("--port", "sim:", "--trace", "call", "Config.Get", "{\"key\":\"device.id\"}");
        assertTrue(r.err().lines().anyMatch(l -> l.matches("--> #\\d+ Config\\.Get \\{\"key\":\"device\\.id\"}")), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.matches("<-- #\\d+ Config\\.Get ok [0-9.]+ ms \"esp8266_[0-9A-F]{6}\"")), r.err());
        SeshRuns.Run bad = SeshRuns.run(home, "--port", "sim:", "--trace", "call", "FS.Get", "{\"filename\":\"nope.txt\"}");
        assertTrue(bad.err().lines().anyMatch(l -> l.matches("<-- #\\d+ FS\\.Get error \\d+ .*")), bad.err());
    }

    @ParameterizedTest @ValueSource(strings = {"i2c", "rpc"})
    void keysAndWriteKeysNeverAppearInTheTrace(String via) throws Exception {
        Path wk = work.resolve("slot4.key");
        Path pem = work.resolve("ecc.key.pem");
        Files.writeString(wk, WRITE_KEY_HEX + "\n");
        Files.writeString(pem, Vectors.at("ecc", "private_key_pem_ec_private_key").asText());
        // One console session: the chip is made ready, then the trace goes on for the two key writes only.
        String all = SeshRuns.console(home, String.join("\n",
                "config set sys.atca.enable=true",
                "atca config set " + Vectors.referenceDir().resolve("atca-aws-test.yaml"),
                "atca lock config",
                "atca lock data",
                "trace on",
                "atca key set 4 " + wk,
                "atca key set 0 " + pem + " --write-key " + wk, ""), "--port", "sim:" + boardDir, "--via", via, "--yes-irreversible");
        assertTrue(all.contains(via.equals("i2c") ? "cmd PrivWrite slot 0 encrypted, <68 bytes>, crc ok" : "ATCA.SetKey"), all);
        if (via.equals("i2c")) assertTrue(all.contains("cmd Write data slot 4 block 0 word 0 32 bytes: <32 bytes>, crc ok"), all);
        for (Bytes secret : List.of(Bytes.ofHex(WRITE_KEY_HEX), Vectors.hex("ecc", "private_key"))) {
            assertFalse(all.toLowerCase().contains(secret.hex()), "hex of a secret");
            assertFalse(all.toLowerCase().contains(secret.hex().substring(0, 16)), "part of a secret in hex");
            assertFalse(all.contains(Base64.getEncoder().encodeToString(secret.toArray())), "base64 of a secret");
        }
    }

    @Test
    void traceOnAndOffAtTheConsole() {
        String t = SeshRuns.console(home, "trace\ntrace on\ninfo\ntrace off\nconfig get device.id\ntrace sideways\n", "--port", "sim:");
        assertTrue(t.contains("trace is off\ntrace is on\n") || t.contains("trace is on"), t);
        assertTrue(t.lines().anyMatch(l -> l.matches("(.*> )?--> #\\d+ Sys\\.GetInfo")), t);
        assertFalse(t.lines().anyMatch(l -> l.contains("Config.Get")), "off means off: " + t);
        assertTrue(t.contains("error: trace takes on or off, not 'sideways'"), t);
    }
}
