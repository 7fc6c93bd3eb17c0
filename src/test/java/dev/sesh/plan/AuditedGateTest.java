package dev.sesh.plan;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditedGateTest {
    private final List<AuditEntry> log = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneOffset.UTC);
    private final Plan plan = Plan.builder("reboot", PlanTest.CHIP).change(new Change.Reboot()).build();

    @Test
    void approvedPlanRunsTheActionAndRecordsOk() {
        ChangeGate gate = new AuditedGate(p -> Decision.approved(), log::add, clock);
        assertEquals("done", gate.apply(plan, () -> "done"));
        assertEquals(1, log.size());
        assertEquals(Answer.APPROVED, log.get(0).answer());
        assertInstanceOf(Outcome.Ok.class, log.get(0).outcome());
        assertEquals(Instant.parse("2026-11-25T01:02:03Z"), log.get(0).time());
    }

    @Test
    void declinedPlanNeverRunsTheActionAndExitsThree() {
        AtomicInteger runs = new AtomicInteger();
        ChangeGate gate = new AuditedGate(p -> Decision.declined("declined: nothing was changed", ""), log::add, clock);
        SeshException e = assertThrows(SeshException.class, () -> gate.run(plan, runs::incrementAndGet));
        assertEquals(3, e.exitCode());
        assertEquals("declined: nothing was changed", e.getMessage());
        assertEquals(0, runs.get());
        assertInstanceOf(Outcome.NotRun.class, log.get(0).outcome());
    }

    @Test
    void failingActionIsRecordedAndRethrown() {
        ChangeGate gate = new AuditedGate(p -> Decision.autoApproved(), log::add, clock);
        SeshException boom = SeshException.failed("chip status 0x0F", "");
        assertSame(boom, assertThrows(SeshException.class, () -> gate.apply(plan, () -> { throw boom; })));
        assertEquals(new Outcome.Failed("chip status 0x0F"), log.get(0).outcome());
        assertEquals(Answer.AUTO_APPROVED, log.get(0).answer());
    }
}
