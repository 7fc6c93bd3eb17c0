package dev.sesh.shell.confirm;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Answer;
import dev.sesh.plan.AuditEntry;
import dev.sesh.plan.Change;
import dev.sesh.plan.Outcome;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;
import dev.sesh.shell.format.Style;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalGateTest {
    static final Target CHIP = Target.board("sim:", "esp8266_0A1B2C").withChip("ATECC508A", Bytes.ofHex("012352aad1bbf378ee"));
    static final Plan REBOOT = Plan.builder("reboot the board", CHIP).change(new Change.Reboot()).build();
    static final Plan LOCK = Plan.builder("LOCK the config zone of " + CHIP.describe(), CHIP)
            .change(Change.Lock.config(0x80F1)).note("lint: 0 problems").build();

    private final List<AuditEntry> audit = new ArrayList<>();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final AtomicInteger runs = new AtomicInteger();
    private Terminal terminal;

    private TerminalGate gateTyping(String input) throws IOException {
        // TerminalBuilder.dumb(true).streams(..) still makes a pty terminal when the JNI provider loads,
        // and its input pump races end of input; a DumbTerminal reads the bytes in order.
        terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
        return new TerminalGate(terminal, new PlanRenderer(Style.plain()), audit::add, clock);
    }

    @AfterEach
    void close() throws IOException { if (terminal != null) terminal.close(); }

    private String screen() { return screen.toString(StandardCharsets.UTF_8); }

    @Test
    void yApprovesAReversiblePlan() throws IOException {
        assertEquals("rebooted", gateTyping("y\n").apply(REBOOT, () -> "rebooted"));
        assertTrue(screen().contains("plan: reboot the board\n  reboot the board\napply? [y/N] "), screen());
        assertEquals(Answer.APPROVED, audit.get(0).answer());
        assertInstanceOf(Outcome.Ok.class, audit.get(0).outcome());
    }

    @Test
    void questionMarkShowsEveryChangeOfALongPlanThenAsksAgain() throws IOException {
        Plan.Builder b = Plan.builder("write the config zone", CHIP);
        for (int i = 0; i < 40; i++) b.change(new Change.ConfigZoneChange("slot " + (i % 16), "field" + i, "0", "1"));
        Plan big = b.build();
        gateTyping("?\ny\n").run(big, runs::incrementAndGet);
        assertEquals(1, runs.get());
        String s = screen();
        assertTrue(s.contains("... 29 more changes\n  (answer ? to see all 40 changes before you decide)\n"), s);
        int question = s.indexOf("apply? [y/N] ");
        assertTrue(question > 0 && s.indexOf("field39", question) > question, "the hidden changes come after the first question:\n" + s);
        assertTrue(s.indexOf("apply? [y/N] ", s.indexOf("field39")) > 0, "and the question is asked again:\n" + s);
    }

    @Test
    void yesInAnyCaseApproves() throws IOException {
        gateTyping("  YES \n").run(REBOOT, runs::incrementAndGet);
        assertEquals(1, runs.get());
    }

    @Test
    void nDeclinesWithExitThree() throws IOException {
        TerminalGate gate = gateTyping("n\n");
        SeshException e = assertThrows(SeshException.class, () -> gate.run(REBOOT, runs::incrementAndGet));
        assertEquals(3, e.exitCode());
        assertEquals("declined: nothing was changed", e.getMessage());
        assertEquals(0, runs.get());
        assertEquals(Answer.DECLINED, audit.get(0).answer());
        assertInstanceOf(Outcome.NotRun.class, audit.get(0).outcome());
    }

    @Test
    void emptyAnswerDeclines() throws IOException {
        TerminalGate gate = gateTyping("\n");
        assertThrows(SeshException.class, () -> gate.run(REBOOT, runs::incrementAndGet));
        assertEquals(0, runs.get());
    }

    @Test
    void endOfInputDeclines() throws IOException {
        TerminalGate gate = gateTyping("");
        assertEquals(3, assertThrows(SeshException.class, () -> gate.run(REBOOT, runs::incrementAndGet)).exitCode());
        assertEquals(0, runs.get());
    }

    @Test
    void yIsNotEnoughForAnIrreversiblePlan() throws IOException {
        TerminalGate gate = gateTyping("y\n");
        SeshException e = assertThrows(SeshException.class, () -> gate.run(LOCK, runs::incrementAndGet));
        assertEquals("declined: the text typed was not \"lock config f378\"; nothing was changed", e.getMessage());
        assertEquals(0, runs.get());
    }

    @Test
    void exactPhraseApprovesAnIrreversiblePlan() throws IOException {
        gateTyping("lock config f378\n").run(LOCK, runs::incrementAndGet);
        assertEquals(1, runs.get());
        assertTrue(screen().contains("""
                plan: LOCK the config zone of ATECC508A S/N 012352aad1bbf378ee
                  LOCK config zone  with CRC 0x80F1
                  lint: 0 problems
                  this cannot be undone
                type "lock config f378" to proceed: """), screen());
        assertEquals(Answer.APPROVED, audit.get(0).answer());
    }

    @Test
    void phraseWithAnotherSerialIsDeclined() throws IOException {
        TerminalGate gate = gateTyping("lock config 0123\n");
        assertThrows(SeshException.class, () -> gate.run(LOCK, runs::incrementAndGet));
        assertEquals(0, runs.get());
        assertEquals(Answer.DECLINED, audit.get(0).answer());
    }

    @Test
    void failedActionIsRecordedWithItsMessage() throws IOException {
        TerminalGate gate = gateTyping("y\n");
        assertThrows(SeshException.class, () -> gate.run(REBOOT, () -> { throw SeshException.failed("board did not answer", ""); }));
        assertEquals(new Outcome.Failed("board did not answer"), audit.get(0).outcome());
    }
}
