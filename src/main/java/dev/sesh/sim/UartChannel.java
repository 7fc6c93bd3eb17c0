package dev.sesh.sim;

import dev.sesh.bytes.Clock;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.rpc.frame.FrameEvent;
import dev.sesh.rpc.frame.Role;
import dev.sesh.rpc.frame.StreamFramer;
import dev.sesh.sim.service.LogLevel;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The RPC-over-UART channel of one boot (rpc-uart; mos-captures README 5.2-5.4): parses what the
 * host sent with the device framer, keeps the sticky CRC mode (Q3 mode is the framer's), and sends
 * one frame at a time. Bytes the channel writes (frames, the EOF echo, the {@code \n} that answers
 * an empty frame) collect in its buffer; they reach the UART only once something "kicks" it (a
 * frame or the echo), at the end of the batch being parsed, so an empty frame's {@code \n} waits
 * for the next frame and log lines printed meanwhile come out first. Reply frames carry the
 * board's faults.
 */
final class UartChannel {
    private static final String CHANNEL_C = "mgos_rpc_channel_uart.c";

    private final SimBoard board;
    private final Clock clock;
    private final UartTx tx;
    private final Faults faults;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private StreamFramer framer;
    private boolean crcMode;
    private boolean kicked;
    private boolean framePending;
    private long holdUntil = Long.MIN_VALUE;
    private long rxHeldUntil;
    private boolean xonPending;
    private boolean crashPending;
    private boolean linkCut;

    UartChannel(SimBoard board, Clock clock, UartTx tx, Faults faults) {
        this.board = board;
        this.clock = clock;
        this.tx = tx;
        this.faults = faults;
    }

    /** A new boot: newline framing, no CRC, nothing pending. */
    void reset(int maxFrameSize) {
        framer = new StreamFramer(Role.DEVICE, maxFrameSize);
        crcMode = false;
        kicked = false;
        framePending = false;
        crashPending = false;
        holdUntil = Long.MIN_VALUE;
        out.reset();
    }

    /** True while a reply frame is on its way out (log lines are thrown away meanwhile). */
    boolean framePending() { return framePending; }

    /** One UART batch (at most 256 bytes) from the host. */
    void batch(byte[] b, int off, int len) {
        for (FrameEvent e : framer.feed(b, off, len)) event(e);
        flush();
    }

    private void event(FrameEvent e) {
        if (e instanceof FrameEvent.Json j) {
            if (j.crc() == FrameEvent.Crc.INVALID) {
                board.log(LogLevel.WARN, CHANNEL_C, 146, board.pointer() + " " + j.corruptedText());
                return;
            }
            if (j.crc() == FrameEvent.Crc.VALID) crcMode = true;
            board.rpc().frame(j.json());
        } else if (e instanceof FrameEvent.Empty) {
            out.write('\n');
        } else if (e instanceof FrameEvent.Eof) {
            out.writeBytes(FrameCodec.EOF_ECHO);
            kicked = true;
        } else if (e instanceof FrameEvent.Dropped d && d.reason() == FrameEvent.Reason.TOO_BIG) {
            board.log(LogLevel.ERROR, CHANNEL_C, 167, "Incoming frame is too big, dropping.");
        }
    }

    /** Takes a reply frame unless the channel is still sending something (a frame or the EOF echo). */
    boolean send(String json) {
        if (kicked) return false;
        kicked = true;
        framePending = true;
        List<FaultSpec.Rule> rules = faults.next();
        long now = clock.nanos();
        if (Faults.has(rules, FaultSpec.Kind.REBOOT)) {
            crashPending = true;
            return true;
        }
        if (Faults.has(rules, FaultSpec.Kind.CUT)) {
            linkCut = true;
            return true;
        }
        if (Faults.has(rules, FaultSpec.Kind.XOFF)) {
            tx.urgent(UartTx.XOFF, now);
            rxHeldUntil = now + Faults.millis(rules, FaultSpec.Kind.XOFF) * 1_000_000L;
            xonPending = true;
        }
        if (Faults.has(rules, FaultSpec.Kind.DELAY)) holdUntil = now + Faults.millis(rules, FaultSpec.Kind.DELAY) * 1_000_000L;
        out.writeBytes(faults.frame(json, framer.q3Seen(), crcMode, rules));
        return true;
    }

    private void flush() {
        if (kicked && out.size() > 0 && clock.nanos() >= holdUntil) {
            tx.write(out.toByteArray(), clock.nanos());
            out.reset();
        }
    }

    /** Does one due thing (XON after a held XOFF, a delayed frame, a finished frame); false if none. */
    boolean step(long now) {
        if (xonPending && now >= rxHeldUntil) {
            xonPending = false;
            tx.urgent(UartTx.XON, now);
            return true;
        }
        if (kicked && out.size() > 0 && now >= holdUntil) {
            flush();
            return true;
        }
        if (kicked && out.size() == 0 && tx.idle()) {
            kicked = false;
            if (framePending) {
                framePending = false;
                board.log(LogLevel.DEBUG, "mg_rpc.c", 540, board.pointer() + " FRAME SENT (1)");
                board.rpc().frameSent();
                flush();
            }
            return true;
        }
        return false;
    }

    /** The next time {@link #step} has something to do, not counting the UART itself. */
    long nextEventAt(long now) {
        long next = Long.MAX_VALUE;
        if (xonPending) next = rxHeldUntil;
        if (kicked && out.size() > 0) next = Math.min(next, Math.max(now, holdUntil));
        return next;
    }

    /** True once (and then false) when a {@code reboot} fault asks for a crash. */
    boolean takeCrash() {
        boolean c = crashPending;
        crashPending = false;
        return c;
    }

    boolean linkCut() { return linkCut; }

    void linkRestored() { linkCut = false; }

    long rxHeldUntil() { return xonPending ? rxHeldUntil : Long.MIN_VALUE; }
}
