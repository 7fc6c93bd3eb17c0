package dev.sesh.sim.i2c;

import dev.sesh.bytes.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated I2C bus as the Mongoose OS master drives it (reference/mos-rpc.md 4.5): whole
 * transactions (START .. STOP) against the attached {@link I2cTarget}s, with wire time charged
 * on the injected clock at the bus frequency.
 *
 * <p>Wire time model: START 1 bit time, every byte (address or data) 9 bit times (8 bits + ACK),
 * STOP 1 bit time; a bit time is {@code 1e9 / freqHz} ns. At 100 kHz a 4-byte read costs
 * 10 + 90 + 4 * 90 + 10 = 470 us. A virtual clock advances by exactly that; on a real clock the
 * bus sleeps in whole milliseconds and carries the remainder, so time is right on average.
 * Transactions are serialised (one master).
 */
public final class I2cBusModel {
    /** {@code i2c.freq} default, Hz. */
    public static final int DEFAULT_FREQ_HZ = 100_000;
    /** Highest address I2C.Scan probes (0x77); it starts at 1. */
    public static final int SCAN_LAST = 0x77;
    /** Pause after each scan probe, ns (the firmware sleeps 100 us). */
    public static final long SCAN_PAUSE_NANOS = 100_000L;

    private final Clock clock;
    private final List<I2cTarget> targets = new CopyOnWriteArrayList<>();
    private volatile int freqHz;
    private long owed;

    /** A bus clocked at {@code freqHz} (i2c.freq, Hz, &gt; 0). */
    public I2cBusModel(Clock clock, int freqHz) {
        this.clock = clock;
        setFreqHz(freqHz);
    }

    public Clock clock() { return clock; }

    public int freqHz() { return freqHz; }

    /** Changes the bus clock, as mgos_i2c_set_freq does (the ATCA HAL drops to 100 kHz to wake). */
    public void setFreqHz(int hz) {
        if (hz <= 0) throw new IllegalArgumentException("bus frequency must be positive: " + hz);
        this.freqHz = hz;
    }

    /** Attaches a target; it then sees every START and STOP on this bus. */
    public void attach(I2cTarget target) { targets.add(target); }

    public void detach(I2cTarget target) { targets.remove(target); }

    /**
     * START, address+W, {@code data}, STOP. True only if the address and every byte were ACKed;
     * the master stops at the first NACK. An empty {@code data} is a pure address probe.
     */
    public synchronized boolean write(int address, byte[] data) {
        I2cTarget t = start(address, false);
        boolean ok = t != null && sendData(t, data);
        stop();
        return ok;
    }

    /**
     * START, address+R, {@code len} bytes, STOP; empty if the address was NACKed. A zero-length
     * read is an address probe with the R bit (the target's {@code read} is not called).
     */
    public synchronized Optional<byte[]> read(int address, int len) {
        if (len < 0) throw new IllegalArgumentException("read length must be >= 0: " + len);
        I2cTarget t = start(address, true);
        Optional<byte[]> out = Optional.empty();
        if (t != null) out = Optional.of(len == 0 ? new byte[0] : receive(t, len));
        stop();
        return out;
    }

    /**
     * START, address+W, {@code out} without STOP, repeated START, address+R, {@code len} bytes,
     * STOP (the register read of I2C.ReadRegB/W). Empty on any NACK.
     */
    public synchronized Optional<byte[]> writeRead(int address, byte[] out, int len) {
        if (len < 1) throw new IllegalArgumentException("read length must be >= 1: " + len);
        Optional<byte[]> result = Optional.empty();
        I2cTarget t = start(address, false);
        if (t != null && sendData(t, out)) {
            I2cTarget r = start(address, true);
            if (r != null) result = Optional.of(receive(r, len));
        }
        stop();
        return result;
    }

    /**
     * I2C.Scan: a zero-length write to each address 1..0x77 in ascending order with a 100 us
     * pause after each; returns the addresses that ACKed, ascending. Its first probe can wake an
     * ATECC (see {@link I2cTarget#sdaLow}).
     */
    public synchronized List<Integer> scan() {
        List<Integer> found = new ArrayList<>();
        for (int a = 1; a <= SCAN_LAST; a++) {
            if (write(a, new byte[0])) found.add(a);
            charge(SCAN_PAUSE_NANOS);
        }
        return found;
    }

    // START (or repeated START) and the address byte; returns the target that ACKed, or null.
    private I2cTarget start(int address, boolean read) {
        if (address < 0 || address > 0x7F) throw new IllegalArgumentException("7-bit address out of range: " + address);
        int addrByte = (address << 1) | (read ? 1 : 0);
        long low = (Integer.numberOfLeadingZeros(addrByte) - 24 + 1) * bitNanos();
        charge(bitNanos());
        for (I2cTarget t : targets) t.sdaLow(low);
        I2cTarget acked = null;
        for (I2cTarget t : targets) {
            if (t.ackAddress(address, read) && acked == null) acked = t;
        }
        charge(9 * bitNanos());
        return acked;
    }

    private boolean sendData(I2cTarget t, byte[] data) {
        if (data.length == 0) return true;
        int acked = t.write(data.clone());
        charge(9 * bitNanos() * Math.min(data.length, acked + 1L));
        return acked >= data.length;
    }

    private byte[] receive(I2cTarget t, int len) {
        byte[] in = t.read(len);
        if (in.length != len) throw new IllegalStateException("target returned " + in.length + " bytes for a " + len + "-byte read");
        charge(9 * bitNanos() * len);
        return in;
    }

    private void stop() {
        charge(bitNanos());
        for (I2cTarget t : targets) t.stop();
    }

    private long bitNanos() { return 1_000_000_000L / freqHz; }

    // A virtual clock moves by exactly the wire time at each phase. A real clock is slept on in
    // whole milliseconds only, carrying the rest to the next phase: the JDK rounds a finer sleep up
    // to a full millisecond, which would make a 25 ms scan take half a second.
    private void charge(long nanos) {
        if (clock.isVirtual()) {
            sleep(nanos);
            return;
        }
        owed += nanos;
        long whole = owed - owed % 1_000_000L;
        if (whole > 0) {
            owed -= whole;
            sleep(whole);
        }
    }

    private void sleep(long nanos) {
        try {
            clock.sleepNanos(nanos);
        } catch (InterruptedException e) {
            // Wire time is a model, not a wait anyone asked to cancel; keep the interrupt for the caller.
            Thread.currentThread().interrupt();
        }
    }
}
