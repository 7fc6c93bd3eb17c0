package dev.sesh.sim.i2c;

import dev.sesh.bytes.Clock;

import java.util.Arrays;

/**
 * A 24C02-style 256-byte EEPROM (the captures' rig has one at 0x50, filled with byte i = i;
 * reference/mos-captures README 6.6). Write: the first data byte sets the word-address pointer,
 * later bytes go to an 8-byte page buffer with wrap inside the page; the page is written at
 * STOP and the chip then NACKs its address for the write cycle. Read: from the pointer,
 * auto-incrementing with wrap at 256 (current-address and sequential reads; a random read is a
 * pointer write followed by a repeated START).
 */
public final class Eeprom24C02 implements I2cTarget {
    /** The rig's address, 0x50. */
    public static final int DEFAULT_ADDRESS = 0x50;
    public static final int SIZE = 256;
    public static final int PAGE = 8;
    /** Write cycle after a page write, ns (24C02 data sheets: tWR max 5 ms). */
    public static final long DEFAULT_WRITE_CYCLE_NANOS = 5_000_000L;

    private final int address;
    private final Clock clock;
    private final long writeCycleNanos;
    private final byte[] mem = new byte[SIZE];
    private final int[] staged = new int[SIZE];
    private boolean addressedForWrite;
    private boolean pointerPending;
    private boolean anyStaged;
    private int pointer;
    private long busyUntil = Long.MIN_VALUE;

    /** At 0x50, filled 00..ff, 5 ms write cycle. */
    public Eeprom24C02(Clock clock) { this(DEFAULT_ADDRESS, clock, DEFAULT_WRITE_CYCLE_NANOS); }

    public Eeprom24C02(int address, Clock clock, long writeCycleNanos) {
        this.address = address;
        this.clock = clock;
        this.writeCycleNanos = writeCycleNanos;
        for (int i = 0; i < SIZE; i++) mem[i] = (byte) i;
        Arrays.fill(staged, -1);
    }

    /** A copy of the committed memory. */
    public synchronized byte[] contents() { return mem.clone(); }

    @Override public synchronized boolean ackAddress(int addr, boolean read) {
        if (addr != address || busy()) return false;
        // A repeated START before STOP abandons a page write that was not yet committed.
        discardStaged();
        addressedForWrite = !read;
        pointerPending = !read;
        return true;
    }

    @Override public synchronized int write(byte[] data) {
        for (byte b : data) {
            if (pointerPending) {
                pointer = b & 0xff;
                pointerPending = false;
            } else {
                staged[pointer] = b & 0xff;
                anyStaged = true;
                pointer = (pointer & ~(PAGE - 1)) | ((pointer + 1) & (PAGE - 1));
            }
        }
        return data.length;
    }

    @Override public synchronized byte[] read(int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = mem[pointer];
            pointer = (pointer + 1) & (SIZE - 1);
        }
        return out;
    }

    @Override public synchronized void stop() {
        if (addressedForWrite && anyStaged) {
            for (int i = 0; i < SIZE; i++) if (staged[i] >= 0) mem[i] = (byte) staged[i];
            busyUntil = clock.nanos() + writeCycleNanos;
        }
        discardStaged();
        addressedForWrite = false;
        pointerPending = false;
    }

    private boolean busy() { return clock.nanos() < busyUntil; }

    private void discardStaged() {
        if (anyStaged) Arrays.fill(staged, -1);
        anyStaged = false;
    }
}
