package dev.sesh.cli;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Answer;
import dev.sesh.plan.AuditEntry;
import dev.sesh.plan.Change;
import dev.sesh.plan.Decision;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.format.Style;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonInteractiveGateTest {
    static final Target CHIP = Target.board("sim:", "esp8266_0A1B2C").withChip("ATECC508A", Bytes.ofHex("012352aad1bbf378ee"));
    static final Plan PUT = Plan.builder("put ecc.crt.pem", CHIP).change(new Change.FileWrite("ecc.crt.pem", 574, false)).build();
    static final Plan LOCK = Plan.builder("LOCK the config zone", CHIP).change(Change.Lock.config(0x80F1)).build();

    private final List<AuditEntry> audit = new ArrayList<>();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger runs = new AtomicInteger();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);

    private NonInteractiveGate gate(boolean yes, boolean yesIrreversible) {
        return NonInteractiveGate.withoutTerminal(NonInteractiveGate.AutoApprove.of(yes, yesIrreversible), err,
                new PlanRenderer(Style.plain()), audit::add, clock);
    }

    private String err() { return errBytes.toString(StandardCharsets.UTF_8); }

    @Test
    void refusesAReversibleChangeWithoutAFlagAndHintsYes() {
        SeshException e = assertThrows(SeshException.class, () -> gate(false, false).run(PUT, runs::incrementAndGet));
        assertEquals(3, e.exitCode());
        assertTrue(e.hint().contains("--yes"), e.hint());
        assertEquals(0, runs.get());
        assertEquals(Answer.REFUSED_NO_TTY, audit.get(0).answer());
        assertTrue(err().startsWith("plan: put ecc.crt.pem\n"), "the refused plan is still shown: " + err());
    }

    @Test
    void yesApprovesReversibleChangesAndStillPrintsThePlan() {
        gate(true, false).run(PUT, runs::incrementAndGet);
        assertEquals(1, runs.get());
        assertEquals("plan: put ecc.crt.pem\n  put ecc.crt.pem  574 B  new file\napproved by --yes\n", err());
        assertEquals(Answer.AUTO_APPROVED, audit.get(0).answer());
    }

    @Test
    void yesDoesNotCoverAnIrreversibleChange() {
        SeshException e = assertThrows(SeshException.class, () -> gate(true, false).run(LOCK, runs::incrementAndGet));
        assertEquals(3, e.exitCode());
        assertTrue(e.hint().contains("--yes-irreversible"), e.hint());
        assertEquals(0, runs.get());
    }

    @Test
    void irreversibleChangeWithoutFlagsHintsYesIrreversible() {
        SeshException e = assertThrows(SeshException.class, () -> gate(false, false).run(LOCK, runs::incrementAndGet));
        assertTrue(e.hint().contains("--yes-irreversible"), e.hint());
    }

    @Test
    void yesIrreversibleApprovesEverythingAndImpliesYes() {
        NonInteractiveGate gate = gate(false, true);
        gate.run(LOCK, runs::incrementAndGet);
        gate.run(PUT, runs::incrementAndGet);
        assertEquals(2, runs.get());
        assertTrue(err().contains("plan: LOCK the config zone\n  LOCK config zone  with CRC 0x80F1\n  this cannot be undone\napproved by --yes-irreversible\n"), err());
        assertEquals(2, audit.size());
    }

    @Test
    void onATerminalUncoveredPlansGoToTheQuestion() {
        AtomicInteger asked = new AtomicInteger();
        NonInteractiveGate gate = NonInteractiveGate.onTerminal(NonInteractiveGate.AutoApprove.REVERSIBLE, err,
                new PlanRenderer(Style.plain()), p -> { asked.incrementAndGet(); return Decision.approved(); }, audit::add, clock);
        gate.run(PUT, runs::incrementAndGet);
        assertEquals(0, asked.get(), "--yes skips the question for a reversible plan");
        gate.run(LOCK, runs::incrementAndGet);
        assertEquals(1, asked.get(), "an irreversible plan under --yes is asked on the terminal");
        assertEquals(List.of(Answer.AUTO_APPROVED, Answer.APPROVED), audit.stream().map(AuditEntry::answer).toList());
    }
}
