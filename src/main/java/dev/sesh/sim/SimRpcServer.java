package dev.sesh.sim;

import dev.sesh.bytes.Clock;
import dev.sesh.rpc.transport.Transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * Serves one {@link SimBoard} over one {@link Transport} (the device's end of the link) on its own
 * thread, which owns the board while it runs. The host's bytes reach the board in UART batches of
 * up to 256 bytes; with a baud rate they arrive one every 10 bit times, as on a wire. With a
 * virtual clock the loop jumps the clock to the board's next timer (reboot, a byte leaving the
 * UART) whenever no input is waiting, so simulated seconds cost no wall time. Ends when the host
 * closes the link, a {@code cut} fault fires, or {@link #close()} is called.
 */
public final class SimRpcServer implements Closeable {
    /** How long one read waits for host bytes before the loop looks at the board's timers again. */
    static final int IDLE_READ_MS = 20;
    private static final System.Logger LOG = System.getLogger(SimRpcServer.class.getName());
    /** With a virtual clock: how long the link must be quiet before time jumps to the next timer. */
    static final int VIRTUAL_QUIET_MS = 5;

    private final SimBoard board;
    private final Transport link;
    private final Clock clock;
    private final UartRx rx;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean powerOffAtEnd;
    /** The device's UART receive buffer (rx_buf_size), and so the largest batch it reads. */
    static final int RX_BUFFER = 256;
    /** When the current {@code xoff} fault hold was first seen, or Long.MIN_VALUE. */
    private long heldSince = Long.MIN_VALUE;

    SimRpcServer(SimBoard board, Transport link, int baud) {
        this.board = board;
        this.link = link;
        this.clock = board.clock();
        this.rx = new UartRx(UartTx.byteNanos(baud));
        this.thread = new Thread(this::run, "sim-" + board.identity().macHex());
        thread.setDaemon(true);
    }

    void start() { thread.start(); }

    /** When the loop ends, power the board off (set before {@link #start}). */
    void powerOffAtEnd() { powerOffAtEnd = true; }

    /** True while the loop runs. */
    public boolean isRunning() { return thread.isAlive(); }

    /** Waits for the loop to end (the link closed or was cut). */
    public void join(long millis) throws InterruptedException { thread.join(millis); }

    /** The loop itself, on the calling thread; the caller has claimed the board. */
    void run() {
        byte[] buf = new byte[4096];
        try {
            if (board.boots() == 0) board.powerOn();
            while (running) {
                try {
                    step(buf);
                } catch (LinkEnded e) {
                    break;
                } catch (RuntimeException e) {
                    // A handler failed: on hardware that is a crash, and the board restarts.
                    LOG.log(System.Logger.Level.DEBUG, "simulated board crashed; restarting it", e);
                    board.reset();
                }
            }
        } catch (IOException e) {
            // The link failed (peer gone): the board stays as it is, ready for the next link.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (powerOffAtEnd) board.powerOff();
            board.release();
            try {
                link.close();
            } catch (IOException ignored) {
                // Closing a dead link has nothing left to report.
            }
        }
    }

    /** The link was closed by the host or cut by a fault. */
    private static final class LinkEnded extends RuntimeException {
        LinkEnded() { super(null, null, false, false); }
    }

    /** One turn of the loop: ship output, hand over arrived input, wait for the link or the next timer. */
    private void step(byte[] buf) throws IOException, InterruptedException {
        ship();
        if (board.linkCut()) {
            board.linkRestored();
            throw new LinkEnded();
        }
        deliverArrived();
        ship();
        long now = clock.nanos();
        long next = Math.min(board.nextEventAt(), rxDue());
        int waitMs = next == Long.MAX_VALUE ? IDLE_READ_MS
                : (int) Math.max(0, Math.min(IDLE_READ_MS, (next - now + 999_999) / 1_000_000));
        if (clock.isVirtual() && next != Long.MAX_VALUE) waitMs = rx.isEmpty() ? Math.min(waitMs, VIRTUAL_QUIET_MS) : 0;
        int n = link.read(buf, 0, buf.length, waitMs);
        if (n < 0) throw new LinkEnded();
        if (n > 0) {
            rx.write(java.util.Arrays.copyOf(buf, n), clock.nanos());
        } else if (clock.isVirtual() && next != Long.MAX_VALUE && next > clock.nanos()) {
            clock.sleepNanos(next - clock.nanos());
        }
        board.poll();
    }

    /** When the next host byte will have arrived and may be read (MAX_VALUE if none is on its way). */
    private long rxDue() {
        if (rx.isEmpty()) return Long.MAX_VALUE;
        return Math.max(rx.wakeAt(), board.rxHeldUntil());
    }

    /**
     * Hands the board the bytes that have crossed the wire by now, at most {@link #RX_BUFFER} per
     * batch. A handler that ran meanwhile (the clock moved during {@link SimBoard#receive}) kept the
     * firmware from reading: what arrived then went to the UART FIFO, the rest was lost, and the
     * FIFO's XOFF mark sends XOFF, then XON once it is read ({@link UartRx}). An {@code xoff} fault's
     * hold counts the same way once it ends.
     */
    private void deliverArrived() {
        long held = board.rxHeldUntil();
        if (held != Long.MIN_VALUE) {
            if (heldSince == Long.MIN_VALUE) heldSince = clock.nanos();
            if (clock.nanos() < held) return;
        }
        if (heldSince != Long.MIN_VALUE) {
            notReading(heldSince, Math.max(held, clock.nanos()));
            heldSince = Long.MIN_VALUE;
        }
        while (true) {
            int n = Math.min(rx.arrivedBy(clock.nanos()), RX_BUFFER);
            if (n <= 0) break;
            long from = clock.nanos();
            board.receive(rx.take(n)); // taken first: a crash in a handler must not replay them
            notReading(from, clock.nanos());
            if (board.rxHeldUntil() != Long.MIN_VALUE) {
                heldSince = clock.nanos();
                break;
            }
        }
    }

    private void notReading(long from, long to) {
        long lostBefore = rx.lost();
        long xoffAt = rx.busy(from, to);
        if (rx.lost() > lostBefore) board.rxOverrun(rx.lost() - lostBefore);
        if (xoffAt != Long.MIN_VALUE && board.softwareFlowControl()) {
            board.rxFlow(true, xoffAt);
            board.rxFlow(false, to);
        }
    }

    private void ship() throws IOException {
        byte[] out = board.takeOutput();
        if (out.length > 0) link.write(out);
    }

    /** Stops the loop and closes the link. */
    @Override public void close() throws IOException {
        running = false;
        try {
            thread.join(1000);
            if (thread.isAlive()) {
                // A busy machine: closing the link wakes a read; the board is free once the thread ends.
                link.close();
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
