package dev.sesh.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Clock;
import dev.sesh.plan.Change;
import dev.sesh.plan.ChangeClassifier;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.frame.FrameJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A board's I2C bus 0 through the rpc-service-i2c methods (mos-rpc.md 4.5): the {@code i2c}
 * object of scripts and what the {@code i2c} commands use. Addresses are 7-bit. What the RPC can
 * do, and so all this class can do: I2C.Read and I2C.Write are each one transaction ending in
 * STOP; ReadRegB/W write the register number and read 1 or 2 bytes after a repeated START; there
 * is no general combined (write-then-read) transaction.
 *
 * <p>Writes go through the board's gate first (design.md 5.9): a write to the chip's address is
 * decoded as an ATECC packet, so a hand-written Lock asks for the typed phrase. The raw methods
 * skip the gate and report a NACK as an answer; they are for the host-side chip driver, whose
 * caller gates at the chip-command level.
 *
 * <p>Errors: {@link I2cNackException} when nothing ACKs; a {@link SeshException} with the fix when
 * I2C is disabled or the firmware lacks the I2C service; bad arguments are refused with exit 2
 * before anything is sent.
 */
public final class I2cBus {
    /** Time the ATECC needs after its wake pulse before it answers (tWHI, reference/atecc.md 1.3), with margin. */
    private static final long WAKE_SETTLE_NANOS = 2_000_000L;
    /** ReadRegB requests in flight during a dump: two of ~110 bytes fit the board's 256-byte receive buffer. */
    private static final int DUMP_IN_FLIGHT = 2;

    private final Board board;
    private final Clock clock;
    private final int chipAddress;
    private volatile List<Integer> lastScan = List.of();

    /** Bus 0 of {@code board}; {@code chipAddress} is where the ATECC sits (sys.atca.i2c_addr, 0x60). */
    public I2cBus(Board board, Clock clock, int chipAddress) {
        this.board = board;
        this.clock = clock;
        this.chipAddress = chipAddress;
    }

    /** The address whose writes are decoded as chip commands. */
    public int chipAddress() { return chipAddress; }

    /**
     * I2C.Scan: the addresses (1-0x77) that ACK a zero-length write, ascending. The first probe
     * holds SDA low long enough to wake a sleeping ATECC, so the chip is found even if it slept. A
     * chip that was already awake keeps its watchdog through that probe, so it can fall asleep before
     * its own address is probed (a host that died left it awake, issue 22): when the chip's address
     * is missing, the chip is woken ({@link #wakeChip()}) and listed if it answers.
     */
    public List<Integer> scan() {
        JsonNode n = FrameJson.parse(call("I2C.Scan", params(), -1));
        List<Integer> found = new ArrayList<>();
        n.forEach(e -> found.add(e.asInt()));
        if (!found.contains(chipAddress) && wakeChip().isPresent()) {
            found.add(chipAddress);
            found.sort(null);
        }
        lastScan = List.copyOf(found);
        return lastScan;
    }

    /** The addresses the last {@link #scan()} found, for completion (never blocks, empty before a scan). */
    public List<Integer> lastScan() { return lastScan; }

    /** I2C.Read: START, address+R, {@code len} (1-4096) bytes, STOP. */
    public Bytes read(int address, int len) {
        I2cAddress.of(address);
        I2cArgs.checkLength(len);
        return rawRead(address, len).orElseThrow(() -> nack(address, "I2C.Read"));
    }

    /** I2C.Write of 1-1024 bytes: START, address+W, bytes, STOP; after the gate approves. */
    public void write(int address, Bytes data) { write(address, data, false); }

    /**
     * As {@link #write(int, Bytes)}; with {@code wakeFirst} the ATECC wake pulse (an empty write to
     * 0x00, then 2 ms) goes right before the write, after the plan is approved, so a chip that fell
     * asleep while the plan was on screen still takes the command.
     */
    public void write(int address, Bytes data, boolean wakeFirst) {
        I2cAddress.of(address);
        I2cArgs.checkWriteLength(data);
        gated(address, data, wakeFirst, () -> {
            if (wakeFirst) wakePulse();
            if (!rawWrite(address, data)) throw nack(address, "I2C.Write");
        });
    }

    /** As {@link #write(int, Bytes)} with the bytes as hex text. */
    public void write(int address, String hex) { write(address, I2cArgs.data(List.of(hex))); }

    /** I2C.ReadRegB/W: writes {@code reg}, repeated START, reads 1 or 2 bytes (a word high byte first). */
    public int readReg(int address, int reg, RegWidth width) {
        I2cAddress.of(address);
        I2cArgs.checkRegister(reg);
        Map<String, Object> p = params();
        p.put("addr", address);
        p.put("reg", reg);
        JsonNode n = FrameJson.parse(call(width.readMethod(), p, address));
        return n.path("value").asInt();
    }

    /** {@link #readReg(int, int, RegWidth)} with the width as {@code "b"} or {@code "w"}. */
    public int readReg(int address, int reg, String width) { return readReg(address, reg, RegWidth.parse(width)); }

    /** I2C.WriteRegB/W: one write of {@code reg} then the value (a word high byte first), after the gate approves. */
    public void writeReg(int address, int reg, int value, RegWidth width) {
        I2cAddress.of(address);
        I2cArgs.checkRegister(reg);
        I2cArgs.checkValue(value, width);
        Map<String, Object> p = params();
        p.put("addr", address);
        p.put("reg", reg);
        p.put("value", value);
        gated(address, Bytes.of(width.wireBytes(reg, value)), false, () -> call(width.writeMethod(), p, address));
    }

    /** {@link #writeReg(int, int, int, RegWidth)} with the width as {@code "b"} or {@code "w"}. */
    public void writeReg(int address, int reg, int value, String width) { writeReg(address, reg, value, RegWidth.parse(width)); }

    /**
     * Registers 0x00-0xff, one I2C.ReadRegB each (register write, repeated START, one byte read):
     * 256 round trips, but true per-register reads for any device, not only auto-incrementing
     * memories. Two requests are kept in flight, so the next request crosses the serial line
     * while the board answers the previous one. Throws {@link I2cNackException} naming the lowest
     * register that was not answered.
     */
    public Bytes dump(int address) {
        I2cAddress.of(address);
        byte[] out = new byte[256];
        AtomicInteger next = new AtomicInteger();
        ConcurrentSkipListMap<Integer, RuntimeException> failed = new ConcurrentSkipListMap<>();
        Runnable worker = () -> {
            for (int reg = next.getAndIncrement(); reg < out.length && failed.isEmpty(); reg = next.getAndIncrement()) {
                try {
                    out[reg] = (byte) readReg(address, reg, RegWidth.BYTE);
                } catch (RuntimeException e) {
                    failed.put(reg, e);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < DUMP_IN_FLIGHT; i++) {
            Thread t = new Thread(worker, "i2c-dump-" + i);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        worker.run();
        try {
            for (Thread t : helpers) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("interrupted", "");
        }
        if (failed.isEmpty()) return Bytes.of(out);
        Map.Entry<Integer, RuntimeException> first = failed.firstEntry();
        if (first.getKey() == 0 || !(first.getValue() instanceof I2cNackException nack)) throw first.getValue();
        throw new I2cNackException(address, String.format("I2C.ReadRegB of register 0x%02x", first.getKey()), nack.hint());
    }

    /**
     * Wakes the ATECC: an empty write to address 0x00 (SDA low about 90 us at 100 kHz, longer than
     * tWLO; nobody ACKs it, by design), a 2 ms pause, then a 4-byte read of the chip's address.
     * Returns what the chip answered ({@code 04 11 33 43} right after a wake); empty if it NACKed.
     * Above 100 kHz ({@code i2c.freq}) the pulse is too short to wake the chip.
     */
    public Optional<Bytes> wakeChip() {
        wakePulse();
        return rawRead(chipAddress, 4);
    }

    private void wakePulse() {
        rawWrite(0x00, Bytes.EMPTY);
        try {
            clock.sleepNanos(WAKE_SETTLE_NANOS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("interrupted", "");
        }
    }

    /**
     * I2C.Write without the gate, for the host-side chip driver: false when the board reports a
     * NACK (503 {@code I2C write failed}). Any 7-bit address 0x00-0x7f; empty data is an address
     * probe. Throws only when I2C is disabled, the service is missing or the link fails.
     */
    public boolean rawWrite(int address, Bytes data) {
        checkRaw(address);
        Map<String, Object> p = params();
        p.put("addr", address);
        p.put("data_hex", data.hex());
        try {
            call("I2C.Write", p, address);
            return true;
        } catch (I2cNackException e) {
            return false;
        }
    }

    /** I2C.Read without the gate, for the host-side chip driver: empty when the board reports a NACK. */
    public Optional<Bytes> rawRead(int address, int len) {
        checkRaw(address);
        I2cArgs.checkLength(len);
        Map<String, Object> p = params();
        p.put("addr", address);
        p.put("len", len);
        try {
            JsonNode n = FrameJson.parse(call("I2C.Read", p, address));
            return Optional.of(Bytes.ofHex(n.path("data_hex").asText("")));
        } catch (I2cNackException e) {
            return Optional.empty();
        }
    }

    private void gated(int address, Bytes wire, boolean wakeFirst, Runnable send) {
        if (!ChangeClassifier.i2cWrite(address, wire, chipAddress).isChange()) {
            send.run();                 // a chip wake-state word (reset/sleep/idle): nothing to approve
            return;
        }
        Plan.Builder plan = Plan.builder(String.format("I2C write to 0x%02x on %s", address, board.target().describe()), board.target())
                .change(Change.I2cWrite.of(address, wire, chipAddress));
        if (address == chipAddress || (wire.length() >= 8 && wire.get(0) == 0x03)) plan.note("decoded as an ATECC command packet; its data bytes are not shown");
        if (wakeFirst) plan.note("the wake pulse (an empty write to 0x00) goes first");
        board.gate().run(plan.build(), () -> {
            try {
                send.run();
            } catch (dev.sesh.rpc.RpcTimeoutException e) {
                throw Board.changeReplyLost(e);
            } finally {
                board.chipMayHaveChanged();
            }
        });
    }

    private String call(String method, Map<String, Object> params, int address) {
        try {
            return board.raw(method, FrameJson.write(params));
        } catch (RemoteErrorException e) {
            if (e.code() == 503 && e.remoteMessage().contains("disabled")) {
                throw new SeshException("I2C is disabled on the board (" + method + ": 503 " + e.remoteMessage() + ")",
                        "config set i2c.enable=true (the board reboots; the bus is set up at boot)", SeshException.FAILED, e);
            }
            if (e.code() == 503) throw nack(address, method);
            if (e.code() == 404 && e.remoteMessage().contains(method)) {
                throw new SeshException("the firmware has no " + method, "build it with the rpc-service-i2c library", SeshException.FAILED, e);
            }
            throw e;
        }
    }

    private I2cNackException nack(int address, String method) {
        String hint = address == chipAddress
                ? "an ATECC NACKs while asleep or busy: wake it with i2c wake (a write to address 0x00), then try within a second"
                : "check the address with i2c scan and the wiring (i2c.sda_gpio, i2c.scl_gpio); an EEPROM also NACKs for ~5 ms after a write";
        return new I2cNackException(address, method, hint);
    }

    private static void checkRaw(int address) {
        if (address < 0 || address > 0x7f) throw SeshException.badArg(String.format("I2C address 0x%x is not 7-bit", address), "addresses are 0x00-0x7f");
    }

    private static Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        // bus 0 is the firmware's default (mos-rpc.md 4.5): left out, 8 bytes less per transfer
        return p;
    }
}
