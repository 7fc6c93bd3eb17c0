package dev.sesh.plan;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchGateTest {
    private final List<AuditEntry> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Plan> asked = Collections.synchronizedList(new ArrayList<>());
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneOffset.UTC);

    private static Plan lockOn(String port) {
        return Plan.builder("lock data", Target.board(port, "b")).change(Change.Lock.data(OptionalInt.empty())).build();
    }

    private final Plan batch = Plan.builder("lock 2 boards", Target.board("2 boards", "")).boards(2)
            .change(Change.Lock.data(OptionalInt.empty())).change(Change.Lock.data(OptionalInt.empty())).build();

    private final List<String> shown = Collections.synchronizedList(new ArrayList<>());

    private ChangeGate gate(Answer answer) {
        return new AuditedGate(new Approver() {
            @Override public Decision decide(Plan p) {
                asked.add(p);
                return answer.approves() ? new Decision(answer, "", "") : Decision.refusedNoTty("refused: no terminal", "use --yes");
            }

            @Override public void showInBatch(Plan p, String batchTitle) { shown.add(p.target().port() + " in " + batchTitle); }
        }, log::add, clock);
    }

    @Test
    void batchAsksOnceAndItsBoardPlansRunInParallelThreadsWithoutAsking() throws Exception {
        ChangeGate gate = gate(Answer.APPROVED);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        gate.batch(batch, Set.of("tcp://a", "tcp://b"), () -> {
            List<Thread> threads = new ArrayList<>();
            for (String port : List.of("tcp://a", "tcp://b")) {
                Thread t = new Thread(() -> gate.run(lockOn(port), () -> ran.add(port)));
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        });
        assertEquals(List.of(batch), asked);
        assertEquals(Set.of("tcp://a", "tcp://b"), Set.copyOf(ran));
        assertEquals(Set.of("tcp://a in lock 2 boards", "tcp://b in lock 2 boards"), Set.copyOf(shown), "each board's plan is still shown");
        assertEquals(2, log.stream().filter(e -> e.answer() == Answer.APPROVED_IN_BATCH).count());
        assertEquals("approved in batch", Answer.APPROVED_IN_BATCH.word());
    }

    @Test
    void planNotCoveredByTheBatchIsStillAsked() {
        ChangeGate gate = gate(Answer.APPROVED);
        Plan otherPort = lockOn("tcp://c");
        Plan otherKind = Plan.builder("reboot", Target.board("tcp://a", "b")).change(new Change.Reboot()).build();
        gate.batch(batch, Set.of("tcp://a"), () -> {
            gate.run(otherPort, () -> { });
            gate.run(otherKind, () -> { });
            return null;
        });
        assertEquals(List.of(batch, otherPort, otherKind), asked);
    }

    @Test
    void refusedBatchRunsNothingAndLeavesNoScope() {
        ChangeGate gate = gate(Answer.REFUSED_NO_TTY);
        AtomicBoolean ran = new AtomicBoolean();
        SeshException e = assertThrows(SeshException.class, () -> gate.batch(batch, Set.of("tcp://a"), () -> ran.getAndSet(true)));
        assertEquals(3, e.exitCode());
        assertFalse(ran.get());
        assertThrows(SeshException.class, () -> gate.run(lockOn("tcp://a"), () -> ran.set(true)));
        assertFalse(ran.get());
        assertTrue(BatchScope.current() == null);
    }
}
