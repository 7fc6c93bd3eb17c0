package dev.sesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.SeshException;
import dev.sesh.plan.Answer;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.format.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesAuditLogTest {
    private static final String KEY_HEX = "6ecb27f1a2e8b7c66fe7e12a7b1fb4d9a0ccb3c5e8b2f2f0a41e2ce0e5b9758a";
    private static final String WKEY_B64 = "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneOffset.UTC);
    private final List<String> warnings = new ArrayList<>();

    private NonInteractiveGate gate(JsonLinesAuditLog log, boolean yes, boolean yesIrreversible) {
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return NonInteractiveGate.withoutTerminal(NonInteractiveGate.AutoApprove.of(yes, yesIrreversible), err,
                new PlanRenderer(Style.plain()), log, clock);
    }

    @Test
    void writesOneJsonLinePerDecisionUnderSeshHome(@TempDir Path home) throws Exception {
        JsonLinesAuditLog log = JsonLinesAuditLog.inHome(home.resolve("sub"), warnings::add);
        gate(log, true, false).run(NonInteractiveGateTest.PUT, () -> { });
        assertThrows(SeshException.class, () -> gate(log, true, false).run(NonInteractiveGateTest.LOCK, () -> { }));
        assertThrows(SeshException.class, () -> gate(log, true, true).run(NonInteractiveGateTest.LOCK, () -> {
            throw SeshException.failed("chip status 0x0F", "");
        }));

        List<String> lines = Files.readAllLines(home.resolve("sub/audit.log"));
        assertEquals(3, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("2026-11-25T01:02:03Z", first.get("time").asText());
        assertEquals("sim:", first.get("port").asText());
        assertEquals("esp8266_0A1B2C", first.get("board").asText());
        assertEquals("012352aad1bbf378ee", first.get("serial").asText());
        assertEquals("put ecc.crt.pem", first.at("/plan/title").asText());
        assertEquals("reversible", first.at("/plan/reversibility").asText());
        assertEquals("put ecc.crt.pem  574 B  new file", first.at("/plan/lines/0").asText());
        assertEquals("auto-approved", first.get("answer").asText());
        assertEquals("ok", first.get("result").asText());

        JsonNode refused = json.readTree(lines.get(1));
        assertEquals(Answer.REFUSED_NO_TTY.word(), refused.get("answer").asText());
        assertEquals("not-run", refused.get("result").asText());
        assertEquals("lock config f378", refused.at("/plan/phrase").asText());

        JsonNode failed = json.readTree(lines.get(2));
        assertEquals("failed", failed.get("result").asText());
        assertEquals("chip status 0x0F", failed.get("error").asText());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void keyWritePlansLeaveNoKeyMaterialInTheLog(@TempDir Path home) throws Exception {
        JsonLinesAuditLog log = JsonLinesAuditLog.inHome(home, warnings::add);
        String params = "{\"slot\":0,\"ecc\":true,\"key\":\"" + KEY_HEX + "\",\"wkey\":\"" + WKEY_B64 + "\",\"wkslot\":4}";
        Plan viaCall = Plan.builder("call ATCA.SetKey", NonInteractiveGateTest.CHIP)
                .change(Change.RpcCall.of("ATCA.SetKey", params)).build();
        Plan viaKeySet = Plan.builder("write a P-256 private key into slot 0", NonInteractiveGateTest.CHIP)
                .change(new Change.SlotWrite(0, "a P-256 private key", Change.WriteMode.ENCRYPTED_ON_HOST, 4, true))
                .note("key: ecc.key.pem, public key SHA-256 7f3a...c21e").build();
        Plan viaI2c = Plan.builder("i2c write", NonInteractiveGateTest.CHIP)
                .change(Change.I2cWrite.of(0x60, dev.sesh.bytes.Bytes.ofHex("03 4b 46 00 00 00 00000000" + KEY_HEX + KEY_HEX + "abcd"), 0x60))
                .build();
        NonInteractiveGate gate = gate(log, true, true);
        for (Plan p : List.of(viaCall, viaKeySet, viaI2c)) gate.run(p, () -> { });

        String text = Files.readString(home.resolve("audit.log"));
        assertEquals(3, text.lines().count());
        assertFalse(text.toLowerCase().contains(KEY_HEX), text);
        assertFalse(text.contains(WKEY_B64), text);
        assertFalse(text.contains(KEY_HEX.substring(0, 16)), "not even a prefix of the key: " + text);
    }

    @Test
    void unwritableLogWarnsInsteadOfFailingTheChange(@TempDir Path home) throws Exception {
        Path blocker = home.resolve("file");
        Files.writeString(blocker, "not a folder");
        JsonLinesAuditLog log = JsonLinesAuditLog.inHome(blocker, warnings::add);
        gate(log, true, false).run(NonInteractiveGateTest.PUT, () -> { });
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("warning: could not write the audit log"), warnings.get(0));
    }

    @Test
    void seshHomeComesFromTheEnvironmentElseDotSesh() {
        assertEquals(Path.of("/tmp/h"), JsonLinesAuditLog.seshHome(Map.of("SESH_HOME", "/tmp/h"), Path.of("/home/u")));
        assertEquals(Path.of("/home/u/.sesh"), JsonLinesAuditLog.seshHome(Map.of(), Path.of("/home/u")));
    }
}
