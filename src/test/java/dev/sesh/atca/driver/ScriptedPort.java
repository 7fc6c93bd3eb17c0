package dev.sesh.atca.driver;

import dev.sesh.bytes.Hex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** An expect/answer I2C port in the lockstep style: each transfer must be the next one scripted. */
final class ScriptedPort implements I2cPort {
    private record Step(String expect, boolean ack, String answerHex) {}

    private final Deque<Step> steps = new ArrayDeque<>();
    final List<String> transcript = new ArrayList<>();

    ScriptedPort wake() { return write(0, "00", false).read(0x60, 4, "04113343"); }

    ScriptedPort write(int addr, String hex, boolean ack) {
        steps.add(new Step(String.format("W%02x:%s", addr, hex.replace(" ", "")), ack, null));
        return this;
    }

    ScriptedPort cmd(String groupHex) { return write(0x60, "03" + groupHex, true); }

    ScriptedPort idle() { return write(0x60, "02", true); }

    ScriptedPort read(int addr, int len, String answerHex) {
        steps.add(new Step(String.format("R%02x:%d", addr, len), true, answerHex.replace(" ", "")));
        return this;
    }

    ScriptedPort nack(int addr, int len) {
        steps.add(new Step(String.format("R%02x:%d", addr, len), false, null));
        return this;
    }

    void done() { assertTrue(steps.isEmpty(), "steps not performed: " + steps); }

    @Override public synchronized boolean write(int address, byte[] data) {
        String got = String.format("W%02x:%s", address, Hex.of(data));
        transcript.add(Thread.currentThread().getName() + " " + got);
        Step s = next(got);
        return s.ack;
    }

    @Override public synchronized Optional<byte[]> read(int address, int len) {
        String got = String.format("R%02x:%d", address, len);
        transcript.add(Thread.currentThread().getName() + " " + got);
        Step s = next(got);
        return s.ack ? Optional.of(Hex.parse(s.answerHex)) : Optional.empty();
    }

    private Step next(String got) {
        if (steps.isEmpty()) fail("unexpected transfer " + got);
        Step s = steps.removeFirst();
        assertEquals(s.expect, got);
        return s;
    }
}
