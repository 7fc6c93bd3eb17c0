package dev.sesh.sim.chip;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Crc16;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.atca.packet.Timing;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Clock;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The ATECC508A/608A as its I2C bus sees it (reference/atecc.md 1, 11): power states, wake pulse,
 * watchdog, word addresses, the I/O buffers, busy time per opcode, and the command handlers
 * behind them. Time comes only from the injected {@link Clock}; state changes that depend on
 * time (wake-up done, execution done, watchdog) are applied lazily at the next bus event.
 *
 * <p>Decisions on unconfirmed behaviour are in docs/decisions.md, chip model part. Calls must come from one
 * thread at a time (the bus model serialises transactions).
 */
public final class AteccChip {
    /** Power states of reference/atecc.md 1.2, plus the 1.5 ms after a wake pulse. */
    public enum PowerState { ASLEEP, IDLE, WAKING, AWAKE, BUSY }

    private static final Bytes WAKE_ANSWER = ResponsePacket.status(StatusCode.AFTER_WAKE).encode();
    private static final int WA_RESET = 0x00, WA_SLEEP = 0x01, WA_IDLE = 0x02, WA_COMMAND = 0x03;

    private final ChipMemory mem;
    private final Clock clock;
    private final Runnable onEepromChange;
    private final VolatileState vol = new VolatileState();
    private final ChipContext ctx;
    private final CommandExecutor executor = new CommandExecutor();

    private PowerState state = PowerState.ASLEEP;
    private int address;
    private long readyAt, busyUntil, watchdogAt;
    private byte[] output = new byte[0];
    private int readPos;
    private final byte[] input = new byte[CommandPacket.MAX_GROUP];
    private int inputLen;

    /**
     * A powered-up (asleep) chip over {@code mem} whose RNG (Random, Nonce, GenKey) is {@code rng}.
     * ECDSA nonces never come from it (RFC 6979, see Ecc.sign). {@code onEepromChange} runs after
     * every command that changed the EEPROM (for persistence).
     */
    public AteccChip(ChipMemory mem, Clock clock, SecureRandom rng, Runnable onEepromChange) {
        this.mem = mem;
        this.clock = clock;
        this.onEepromChange = onEepromChange;
        this.ctx = new ChipContext(mem, vol, rng);
        this.address = mem.i2cAddress();
    }

    /** A chip whose RNG is pinned to {@code seed}: the same numbers every time (tests; sim:?seed=N). */
    public AteccChip(ChipMemory mem, Clock clock, long seed, Runnable onEepromChange) {
        this(mem, clock, seeded(seed), onEepromChange);
    }

    /** A chip whose RNG is a fresh CSPRNG: its numbers never repeat from one boot to the next. */
    public static AteccChip unpinned(ChipMemory mem, Clock clock, Runnable onEepromChange) {
        return new AteccChip(mem, clock, new SecureRandom(), onEepromChange);
    }

    private static SecureRandom seeded(long seed) {
        SecureRandom rng;
        try {
            rng = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA1PRNG", e);
        }
        rng.setSeed(seed);   // SHA1PRNG seeded before first use is deterministic
        return rng;
    }

    public AteccChip(ChipMemory mem, Clock clock, long seed) { this(mem, clock, seed, () -> { }); }

    public ChipMemory memory() { return mem; }

    public Variant variant() { return mem.variant(); }

    /** The 7-bit address the chip answers now (latched from config at each wake from sleep). */
    public int address() { return address; }

    public PowerState state() {
        tick();
        return state;
    }

    public TempKey tempKey() { return vol.tempKey; }

    /** The 608 message digest buffer (package-private: for tests). */
    java.util.Optional<Bytes> messageDigestBuffer() { return vol.messageDigest; }

    /** The output buffer as it stands (package-private: for consistency checks in tests). */
    Bytes outputBuffer() { return Bytes.of(output); }

    /** Why the last command was refused (the rule), or "" if it succeeded. Never contains key bytes. */
    public String lastRefusal() { return executor.lastRule(); }

    /** SDA was held low for {@code nanos}: a wake pulse if >= tWLO; an awake chip answers it with the wake status again. */
    public void sdaLow(long nanos) {
        tick();
        if (nanos < Timing.WAKE_LOW_US * 1000) return;
        if (state == PowerState.ASLEEP || state == PowerState.IDLE) wake();
        else if (state == PowerState.AWAKE) rewake();
    }

    // A wake pulse to a chip already awake (cryptoauthlib's test teardown does this): the I/O buffer
    // is reset to the wake answer; state, TempKey and the watchdog are kept (reference/atecc.md 12a).
    private void rewake() {
        output = WAKE_ANSWER.toArray();
        readPos = 0;
        inputLen = 0;
    }

    /** Address phase: ACK only our address, and only when awake and not executing. */
    public boolean ackAddress(int addr7, boolean read) {
        tick();
        return addr7 == address && state == PowerState.AWAKE;
    }

    /** Data phase of a write: a word address byte, then (for 0x03) command bytes. Returns the bytes ACKed. */
    public int write(byte[] data) {
        tick();
        if (state != PowerState.AWAKE || data.length == 0) return 0;
        switch (data[0] & 0xff) {
            case WA_RESET -> { readPos = 0; inputLen = 0; return data.length; }
            case WA_SLEEP -> { sleep(); return 1; }
            case WA_IDLE -> { state = PowerState.IDLE; return 1; }
            case WA_COMMAND -> { return 1 + commandBytes(data); }
            default -> { return 0; }
        }
    }

    /** Data phase of a read: the next bytes of the output buffer; 0xFF past its end. */
    public byte[] read(int len) {
        tick();
        byte[] out = new byte[len];
        Arrays.fill(out, (byte) 0xFF);
        if (state != PowerState.AWAKE) return out;
        int n = Math.max(0, Math.min(len, output.length - readPos));
        System.arraycopy(output, readPos, out, 0, n);
        readPos += n;
        return out;
    }

    private void wake() {
        if (state == PowerState.ASLEEP) address = mem.i2cAddress();
        long now = clock.nanos();
        boolean selfTest = mem.variant().is608() && (mem.configByte(90) & 1) != 0;
        readyAt = now + 1000 * (selfTest ? Timing.WAKE_HIGH_SELFTEST_US : Timing.WAKE_HIGH_US);
        watchdogAt = now + 1000 * Timing.watchdogUs(mem.chipMode());
        output = WAKE_ANSWER.toArray();
        readPos = 0;
        inputLen = 0;
        state = PowerState.WAKING;
    }

    private void sleep() {
        vol.clear();
        output = new byte[0];
        readPos = 0;
        inputLen = 0;
        state = PowerState.ASLEEP;
    }

    private void tick() {
        long now = clock.nanos();
        if (state == PowerState.WAKING && now >= readyAt) state = PowerState.AWAKE;
        if (state == PowerState.BUSY && now >= busyUntil) state = PowerState.AWAKE;
        if ((state == PowerState.WAKING || state == PowerState.AWAKE || state == PowerState.BUSY) && now >= watchdogAt) sleep();
    }

    // Appends command bytes after the word address; runs the group once count bytes are in. Returns bytes ACKed.
    private int commandBytes(byte[] data) {
        int i = 1;
        while (i < data.length) {
            input[inputLen++] = data[i++];
            int count = input[0] & 0xff;
            if (count < 4 || count > CommandPacket.MAX_GROUP) {
                answer(ResponsePacket.status(StatusCode.COMM_ERROR), 0);
                return i - 1;
            }
            if (inputLen == count) {
                run(count);
                return i - 1;
            }
        }
        return i - 1;
    }

    private void run(int count) {
        byte[] group = Arrays.copyOf(input, count);
        if (!Crc16.checks(group, count)) {
            answer(ResponsePacket.status(StatusCode.COMM_ERROR), 0);
            return;
        }
        if (count < 7) {
            answer(ResponsePacket.status(StatusCode.PARSE_ERROR), 0);
            return;
        }
        CommandPacket p = CommandPacket.decode(group, count);
        long execNanos = 1000 * p.op().map(op -> Timing.maxExecutionUs(op, mem.variant(), mem.chipMode())).orElse(0L);
        if (clock.nanos() + execNanos > watchdogAt) {
            answer(ResponsePacket.status(StatusCode.WATCHDOG_ABOUT_TO_EXPIRE), 0);
            return;
        }
        byte[] before = mem.save();
        ResponsePacket r = executor.execute(p, ctx);
        if (!Arrays.equals(before, mem.save())) onEepromChange.run();
        if (ctx.goIdle) {
            ctx.goIdle = false;
            inputLen = 0;
            state = PowerState.IDLE;
            return;
        }
        // Refusals answer at once; the chip is busy for the full time only when it does the work.
        answer(r, r.ok() || p.op().filter(op -> op == Opcode.CHECK_MAC || op == Opcode.VERIFY).isPresent() ? execNanos : 0);
    }

    private void answer(ResponsePacket r, long busyNanos) {
        output = r.encode().toArray();
        readPos = 0;
        inputLen = 0;
        if (busyNanos > 0) {
            busyUntil = clock.nanos() + busyNanos;
            state = PowerState.BUSY;
        }
    }

    @Override public String toString() { return "AteccChip[" + mem + ", " + state + " @0x" + Integer.toHexString(address) + "]"; }
}
