package dev.sesh.shell.format;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;
import dev.sesh.shell.ErrorReporter;
import dev.sesh.shell.confirm.PlanRenderer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Colour on a terminal: irreversible steps red, warnings yellow, errors red, titles bold, hex offsets dim; plain otherwise. */
class ColourTest {
    private static final String RED_BOLD = "\u001b[1;31m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final Style TERMINAL = Style.of(true, Map.of());
    private static final Target CHIP = Target.board("sim:", "esp8266_0A1B2C").withChip("ATECC508A", Bytes.ofHex("012352aad1bbf378ee"));

    private static Plan plan() {
        return Plan.builder("write and lock", CHIP)
                .change(new Change.ConfigZoneChange("slot 0", "WriteConfig", "Always", "Encrypt(6)"))
                .change(Change.Lock.config(0x80F1))
                .note("warning: the config zone is still the factory default")
                .note("  error slot 0 IsSecret: a private key that can be read [private-key-readable]")
                .note("lint: 1 error")
                .build();
    }

    @Test
    void planOnATerminalColoursIrreversibleStepsWarningsAndErrors() {
        String text = new PlanRenderer(TERMINAL).render(plan());
        String lock = text.lines().filter(l -> l.contains("LOCK config zone")).findFirst().orElseThrow();
        String write = text.lines().filter(l -> l.contains("WriteConfig")).findFirst().orElseThrow();
        assertTrue(lock.contains(RED_BOLD), lock);
        assertFalse(write.contains("\u001b["), "a reversible step stays plain: " + write);
        assertTrue(text.lines().anyMatch(l -> l.contains(YELLOW) && l.contains("factory default")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains(RED) && l.contains("error slot 0")), text);
        assertTrue(text.lines().anyMatch(l -> l.equals("  lint: 1 error")), text);
        assertTrue(text.startsWith("plan: " + RED_BOLD) || text.startsWith("plan: " + BOLD), text);
    }

    @Test
    void reversiblePlanTitleIsBold() {
        Plan p = Plan.builder("reboot the board", CHIP).change(new Change.Reboot()).build();
        assertTrue(new PlanRenderer(TERMINAL).render(p).startsWith("plan: " + BOLD + "reboot the board"));
    }

    @Test
    void errorsAreRedOnATerminal() {
        StringWriter w = new StringWriter();
        new ErrorReporter(false, TERMINAL).report(SeshException.badArg("slot 16 does not exist", "slots are 0-15"), new PrintWriter(w));
        assertTrue(w.toString().startsWith(RED + "error:\u001b[0m slot 16 does not exist\n"), w.toString());
    }

    @Test
    void hexDumpOffsetsAreDim() {
        assertTrue(HexDump.of(Bytes.ofHex("00112233"), TERMINAL).startsWith(DIM + "0000\u001b[0m  00 11 22 33"), HexDump.of(Bytes.ofHex("00112233"), TERMINAL));
    }

    @Test
    void noColorAndNonTerminalsArePlain() {
        for (Style plain : new Style[] {Style.of(true, Map.of("NO_COLOR", "1")), Style.of(false, Map.of())}) {
            assertFalse(new PlanRenderer(plain).render(plan()).contains("\u001b["));
            StringWriter w = new StringWriter();
            new ErrorReporter(false, plain).report(SeshException.badArg("x", ""), new PrintWriter(w));
            assertEquals("error: x\n", w.toString().replace("\r", ""));
            assertFalse(HexDump.of(Bytes.ofHex("00"), plain).contains("\u001b["));
        }
    }
}
