package dev.sesh.atca.driver;

import dev.sesh.atca.command.ChipCommand;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.PacketFormatException;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.atca.packet.Timing;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Clock;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The firmware-style ATECC508A/608A driver (design.md 5.12, reference/atecc.md 1.4-1.9): every
 * command is wake, word address 0x03 + command group, wait, poll the answer, check its CRC and
 * status, then word address 0x02 (idle: TempKey survives) - also after errors. Over a slow link
 * ({@link DriverOptions#overLink()}) the chip stays awake between commands instead, woken once per
 * watchdog period, so a command costs two transfers; that period is counted from a wake that
 * follows the driver's own idle, since a chip someone else left awake keeps its older watchdog.
 * Retries the whole
 * command on a response CRC error, a 0xFF (chip saw a bad CRC) or 0xEE (watchdog) answer and a
 * NACKed command write.
 *
 * <p>TempKey is chip-global, so a Nonce/GenDig/Write sequence must not interleave with another
 * caller's commands: run it inside {@link #session}. Single commands take the same lock.
 */
public final class AtcaDriver {
    /** Word addresses (reference/atecc.md 1.4). */
    public static final int WA_RESET = 0x00;
    public static final int WA_SLEEP = 0x01;
    public static final int WA_IDLE = 0x02;
    public static final int WA_COMMAND = 0x03;
    private static final byte[] WAKE_ANSWER = {0x04, 0x11, 0x33, 0x43};

    private final I2cPort port;
    private final Clock clock;
    private final DriverOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    // Until identify() the slower 608 table is the safe assumption.
    private volatile Variant variant = Variant.ATECC608A;
    private volatile int chipMode;
    // With DriverOptions.keepAwakeUs: whether the chip was left awake, and when its wake was sent (guarded by lock).
    private boolean awake;
    private long awakeSince;
    // Whether this driver idled or slept the chip since it took the lock (guarded by lock): only then
    // does its next wake surely start a fresh watchdog period.
    private boolean restedThisHold;

    public AtcaDriver(I2cPort port, Clock clock, DriverOptions options) {
        this.port = port;
        this.clock = clock;
        this.options = options;
    }

    public DriverOptions options() { return options; }

    /** Runs {@code sequence} with the chip to itself: no other caller's command comes between. */
    public <T> T session(Function<AtcaDriver, T> sequence) { return locked(() -> sequence.apply(this)); }

    /** Chooses the execution-time table (Timing) for later commands. */
    public void setChip(Variant v, int chipModeByte) {
        this.variant = v;
        this.chipMode = chipModeByte & 0xff;
    }

    public Variant variant() { return variant; }

    /**
     * The boot probe: Read config block 0, then Info; sets the timing table from the answers.
     * Throws {@link AtcaException} if either command fails.
     */
    public ChipIdentity identify() {
        return session(d -> {
            Bytes block0 = execute(new CommandPacket(Opcode.READ, 0x80, 0x0000), 35);
            Bytes info = execute(new CommandPacket(Opcode.INFO, 0x00, 0x0000), 7);
            int rev = (info.get(0) << 24) | (info.get(1) << 16) | (info.get(2) << 8) | info.get(3);
            Variant v = rev >= 0x6000 ? Variant.ATECC608A : Variant.ATECC508A;
            int mode = block0.get(19);
            setChip(v, mode);
            return new ChipIdentity(v, rev, block0.slice(0, 4).concat(block0.slice(8, 13)), mode);
        });
    }

    /**
     * Runs one command and returns its answer's payload: the data, or empty for a status 0x00
     * answer. {@code responseLen} is the largest answer group expected (4, 7, 19, 35 or 67 bytes).
     * Throws {@link AtcaException} for a non-zero status or a failed exchange.
     */
    public Bytes execute(CommandPacket command, int responseLen) {
        ResponsePacket r = transact(command, responseLen);
        if (r.ok()) return r.isStatus() ? Bytes.EMPTY : r.payload();
        int s = r.payload().get(0);
        throw StatusCode.of(s).map(code -> AtcaException.chip(name(command), code))
                .orElseGet(() -> AtcaException.unknownStatus(name(command), s));
    }

    /** {@link #execute(CommandPacket, int)} for a command value. */
    public Bytes execute(ChipCommand command, int responseLen) { return execute(command.toPacket(), responseLen); }

    /**
     * Runs one command and returns the answer as the chip sent it, whatever its status (for raw
     * access). Throws {@link AtcaException} only when the exchange itself fails after retries.
     */
    public ResponsePacket transact(CommandPacket command, int responseLen) {
        if (responseLen < 4) throw new IllegalArgumentException("a response group is at least 4 bytes: " + responseLen);
        byte[] group = command.encode().toArray();
        byte[] write = new byte[group.length + 1];
        write[0] = WA_COMMAND;
        System.arraycopy(group, 0, write, 1, group.length);
        String name = name(command);
        acquire();
        try {
            AtcaException last = null;
            long execUs = command.op().map(op -> Timing.maxExecutionUs(op, variant, chipMode)).orElse(0L);
            for (int attempt = 0; attempt < options.commandAttempts(); attempt++) {
                awakeFor(name, execUs);
                boolean keepAwake = false;
                try {
                    if (!port.write(options.address(), write)) {
                        last = AtcaException.comm(name, AtcaException.TX_FAIL, "chip NACKed the command");
                        continue;
                    }
                    byte[] raw = reread(poll(name, command, responseLen), responseLen);
                    int count = raw[0] & 0xff;
                    if (count < 4) {
                        last = AtcaException.comm(name, AtcaException.RX_CRC_ERROR, "answer count byte " + count);
                        continue;
                    }
                    if (count > responseLen) {
                        throw AtcaException.comm(name, AtcaException.INVALID_SIZE, "answer of " + count + " bytes, expected at most " + responseLen);
                    }
                    ResponsePacket r;
                    try {
                        r = ResponsePacket.decode(Bytes.of(raw, 0, count));
                    } catch (PacketFormatException e) {
                        last = AtcaException.comm(name, AtcaException.RX_CRC_ERROR, "answer CRC did not check");
                        continue;
                    }
                    Optional<StatusCode> st = r.status();
                    if (st.isPresent() && (st.get() == StatusCode.COMM_ERROR || st.get() == StatusCode.WATCHDOG_ABOUT_TO_EXPIRE)) {
                        // Resend: the chip saw a garbled group, or wants a fresh watchdog period (the idle below gives it one).
                        last = AtcaException.chip(name, st.get());
                        continue;
                    }
                    keepAwake = options.keepAwakeUs() > 0;
                    return r;
                } finally {
                    // After an error always idle (a fresh watchdog period, TempKey kept); else only when not keeping the chip awake.
                    if (!keepAwake) {
                        rest(WA_IDLE);
                        awake = false;
                    }
                }
            }
            throw last;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes the chip before a command unless it was left awake and the command (execution time
     * plus the margin for the link) ends inside the watchdog period counted from the wake. A chip
     * left awake whose period is running out is idled first, which keeps TempKey.
     */
    private void awakeFor(String name, long execUs) {
        if (awake && (clock.nanos() - awakeSince) / 1_000L + execUs + options.awakeMarginUs() <= options.keepAwakeUs()) return;
        if (awake) {
            rest(WA_IDLE);
            awake = false;
        }
        awakeSince = clock.nanos();
        wake(name);
        awake = options.keepAwakeUs() > 0;
    }

    /**
     * An answer that does not check (count byte out of range, CRC wrong) may have been garbled on
     * the way rather than by the chip: read the output buffer again after a word-address-0x00
     * reset (reference/atecc.md 1.4, 1.6: the output can be read repeatedly), up to
     * {@link DriverOptions#rereadAttempts()} times, before the command is resent. For a command
     * that changed the chip this is what tells its result; resending could not.
     */
    private byte[] reread(byte[] raw, int len) {
        for (int i = 0; i < options.rereadAttempts() && !checks(raw, len); i++) {
            if (!port.write(options.address(), new byte[] {WA_RESET})) break;
            Optional<byte[]> again = port.read(options.address(), len);
            if (again.isEmpty()) break;
            raw = again.get();
        }
        return raw;
    }

    private static boolean checks(byte[] raw, int len) {
        int count = raw.length == 0 ? 0 : raw[0] & 0xff;
        if (count < 4 || count > len || count > raw.length) return false;
        try {
            ResponsePacket.decode(Bytes.of(raw, 0, count));
            return true;
        } catch (PacketFormatException e) {
            return false;
        }
    }

    /**
     * Wakes the chip: wake pulse, tWHI, then reads the wake answer {@code 04 11 33 43}. A chip that
     * was already awake answers its old output instead; it is idled and woken again. Throws
     * {@link AtcaException} (0xD0) after {@link DriverOptions#wakeAttempts()} tries.
     */
    public void wake() {
        locked(() -> {
            awake = false;
            wake("wake");
            return null;
        });
    }

    private void wake(String name) {
        // A chip someone else woke (a scan's first probe, a host that died) answers a wake pulse with
        // the wake status but keeps that wake's watchdog (reference/atecc.md 1.8, 12a): a driver that
        // keeps the chip awake counts on the period, so it idles the chip first unless it just did.
        if (options.keepAwakeUs() > 0 && !restedThisHold) rest(WA_IDLE);
        for (int i = 0; i < options.wakeAttempts(); i++) {
            port.wakePulse();
            sleepUs(options.wakeDelayUs());
            Optional<byte[]> answer = port.read(options.address(), WAKE_ANSWER.length);
            if (answer.isPresent() && Arrays.equals(answer.get(), WAKE_ANSWER)) return;
            if (answer.isPresent()) rest(WA_IDLE);
        }
        throw AtcaException.comm(name, AtcaException.WAKE_FAILED, "chip did not answer the wake pulse with 04 11 33 43");
    }

    /**
     * The next command starts from a fresh wake: a chip left awake ({@link DriverOptions#keepAwakeUs})
     * is idled now, keeping TempKey. For the start of a change, so it runs in a full watchdog period
     * from a known state, as the firmware runs every command.
     */
    public void startFresh() {
        locked(() -> {
            if (awake) {
                awake = false;
                rest(WA_IDLE);
            }
            return null;
        });
    }

    /** Word address 0x02: idle, keeping TempKey. False if the chip NACKed (it was not awake). */
    public boolean idle() {
        return locked(() -> {
            awake = false;
            return rest(WA_IDLE);
        });
    }

    /** Word address 0x01: sleep, losing TempKey and all volatile state. False if the chip NACKed. */
    public boolean sleep() {
        return locked(() -> {
            awake = false;
            return rest(WA_SLEEP);
        });
    }

    private <T> T locked(Supplier<T> step) {
        acquire();
        try {
            return step.get();
        } finally {
            lock.unlock();
        }
    }

    private void acquire() {
        lock.lock();
        if (lock.getHoldCount() == 1) restedThisHold = false;
    }

    // Word address 0x02 (idle) or 0x01 (sleep): either stops the watchdog. False if the chip NACKed.
    private boolean rest(int wordAddress) {
        restedThisHold = true;
        return port.write(options.address(), new byte[] {(byte) wordAddress});
    }

    // Poll only after the wait: earlier reads NACK while the chip is busy (reference/atecc.md 1.6).
    // The wait counts from the write's answer: the board may run the bus transfer and the command
    // later than the request was sent, and a read that comes too early costs a whole extra round trip.
    private byte[] poll(String name, CommandPacket command, int len) {
        long start = clock.nanos();
        long firstUs = options.waitExecution()
                ? command.op().map(op -> Timing.maxExecutionUs(op, variant, chipMode)).orElse(0L)
                : options.firstPollUs();
        sleepUs(firstUs);
        while (true) {
            Optional<byte[]> r = port.read(options.address(), len);
            if (r.isPresent()) return r.get();
            if (clock.nanos() - start >= options.pollTimeoutUs() * 1_000L) {
                throw AtcaException.comm(name, AtcaException.RX_NO_RESPONSE, "no answer within " + options.pollTimeoutUs() / 1000 + " ms");
            }
            sleepUs(options.pollIntervalUs());
        }
    }

    private static String name(CommandPacket c) {
        return c.op().map(Enum::name).orElse(String.format("opcode 0x%02x", c.opcode()));
    }

    private void sleepUs(long us) {
        try {
            clock.sleepNanos(us * 1_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AtcaException.comm("wait", AtcaException.RX_NO_RESPONSE, "interrupted");
        }
    }
}
