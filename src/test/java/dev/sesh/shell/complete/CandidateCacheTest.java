package dev.sesh.shell.complete;

import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateCacheTest {
    private final VirtualClock clock = new VirtualClock();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final AtomicInteger loads = new AtomicInteger();

    private CandidateCache<List<String>> cache(boolean fail) {
        return new CandidateCache<>(() -> {
            int n = loads.incrementAndGet();
            if (fail) throw new IllegalStateException("board busy");
            return List.of("load " + n);
        }, List.of(), Duration.ofSeconds(30), clock::nanos, background::add);
    }

    private void runBackground() {
        while (!background.isEmpty()) background.poll().run();
    }

    @Test
    void answersAtOnceWithNothingAndLoadsInTheBackground() {
        CandidateCache<List<String>> c = cache(false);
        assertEquals(List.of(), c.get());
        assertEquals(0, loads.get());
        runBackground();
        assertEquals(List.of("load 1"), c.get());
        assertTrue(background.isEmpty());
    }

    @Test
    void startsOnlyOneRefreshWhileOneIsPending() {
        CandidateCache<List<String>> c = cache(false);
        c.get();
        c.get();
        c.get();
        assertEquals(1, background.size());
    }

    @Test
    void staleValueIsAnsweredWhileItIsRefreshed() {
        CandidateCache<List<String>> c = cache(false);
        c.get();
        runBackground();
        clock.advance(Duration.ofSeconds(29).toNanos());
        assertEquals(List.of("load 1"), c.get());
        assertTrue(background.isEmpty());
        clock.advance(Duration.ofSeconds(1).toNanos());
        assertEquals(List.of("load 1"), c.get());
        runBackground();
        assertEquals(List.of("load 2"), c.peek());
    }

    @Test
    void failedRefreshKeepsTheOldValueAndCanRetry() {
        CandidateCache<List<String>> c = cache(true);
        c.put(List.of("from rpc list"));
        clock.advance(Duration.ofMinutes(1).toNanos());
        assertEquals(List.of("from rpc list"), c.get());
        runBackground();
        assertEquals(List.of("from rpc list"), c.get());
        assertEquals(1, background.size(), "a failed load does not block the next one");
    }

    @Test
    void putMakesTheNextAnswerCurrentWithoutAsking() {
        CandidateCache<List<String>> c = cache(false);
        assertFalse(c.loaded());
        c.put(List.of("0x48", "0x60"));
        assertEquals(List.of("0x48", "0x60"), c.get());
        assertTrue(background.isEmpty());
        assertEquals(0, loads.get());
    }
}
