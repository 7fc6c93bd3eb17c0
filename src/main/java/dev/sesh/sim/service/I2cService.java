package dev.sesh.sim.service;

import dev.sesh.sim.i2c.I2cBusModel;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The board's I2C: the i2c library's boot step ({@link #busInit()}) and the rpc-service-i2c
 * methods (reference/mos-rpc.md 4.5, mos-captures README 6.6), byte-exact. Bus 0 is config
 * section {@code i2c}, bus 1 is {@code i2c1}; a bus is usable only if its {@code enable} was true
 * at boot, otherwise every method answers 503 {@code I2C is disabled}. Addresses are 7-bit,
 * decimal in JSON; numbers may come as JSON strings of digits.
 */
public final class I2cService implements SimService {
    /** Largest I2C.Read the firmware allocates a buffer for. */
    public static final int MAX_READ = 4096;
    private static final String[] SECTIONS = {"i2c", "i2c1"};

    private final I2cBusModel[] buses;
    private final boolean[] enabled = new boolean[2];

    /** The board's two buses; their targets stay attached across reboots (they are hardware). */
    public I2cService(I2cBusModel bus0, I2cBusModel bus1) {
        this.buses = new I2cBusModel[] {bus0, bus1};
    }

    /**
     * The i2c library's init, early in boot: reads {@code i2c.*} and {@code i2c1.*}, sets each
     * enabled bus to its {@code freq} and logs {@code I2C GPIO init ok (SDA: 12, SCL: 14, freq: 100000)}
     * for it. Registers no methods.
     */
    public SimService busInit() {
        return ctx -> {
            configure(ctx, true);
            return List.of();
        };
    }

    /** Bus {@code n} if it was enabled at this boot (the ATCA service needs bus sys.atca.i2c_bus). */
    public Optional<I2cBusModel> enabledBus(int n) {
        return n >= 0 && n < buses.length && enabled[n] ? Optional.of(buses[n]) : Optional.empty();
    }

    /** Registers I2C.Scan .. I2C.WriteRegW in the firmware's order (RPC.List shows them reversed). */
    @Override public List<SimMethod> init(SimContext ctx) {
        configure(ctx, false);
        return List.of(
                new SimMethod("I2C.Scan", "{bus: %d}", this::scan),
                new SimMethod("I2C.Read", "{bus: %d, addr: %d, len: %d}", this::read),
                new SimMethod("I2C.Write", "{bus: %d, addr: %d, data_hex: %H}", this::write),
                new SimMethod("I2C.ReadRegB", "{bus: %d, addr: %d, reg: %d}", (r, c) -> readReg(r, 1)),
                new SimMethod("I2C.ReadRegW", "{bus: %d, addr: %d, reg: %d}", (r, c) -> readReg(r, 2)),
                new SimMethod("I2C.WriteRegB", "{bus: %d, addr: %d, reg: %d, value: %d}", (r, c) -> writeReg(r, 1)),
                new SimMethod("I2C.WriteRegW", "{bus: %d, addr: %d, reg: %d, value: %d}", (r, c) -> writeReg(r, 2)));
    }

    private void configure(SimContext ctx, boolean log) {
        for (int n = 0; n < buses.length; n++) {
            String s = SECTIONS[n];
            SimConfigView cfg = ctx.config();
            enabled[n] = cfg.bool(s + ".enable", false);
            if (!enabled[n]) continue;
            long freq = cfg.integer(s + ".freq", I2cBusModel.DEFAULT_FREQ_HZ);
            buses[n].setFreqHz(freq > 0 ? (int) freq : I2cBusModel.DEFAULT_FREQ_HZ);
            if (log) {
                ctx.log("mgos_i2c_gpio_master.c", 248, String.format("I2C GPIO init ok (SDA: %d, SCL: %d, freq: %d)",
                        cfg.integer(s + ".sda_gpio", -1), cfg.integer(s + ".scl_gpio", -1), buses[n].freqHz()));
            }
        }
    }

    private SimReply scan(SimRequest req, SimContext ctx) {
        Optional<I2cBusModel> bus = bus(req.args());
        if (bus.isEmpty()) return disabled();
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (int a : bus.get().scan()) out.add(Integer.toString(a));
        return SimReply.result(out.toString());
    }

    private SimReply read(SimRequest req, SimContext ctx) {
        DeviceArgs a = req.args();
        int addr = arg(a, "addr", -1);
        int len = arg(a, "len", -1);
        if (addr < 0 || len < 0) return SimReply.error(400, "addr and len are required");
        Optional<I2cBusModel> bus = bus(a);
        if (bus.isEmpty()) return disabled();
        if (len > MAX_READ) return SimReply.error(500, "malloc failed");
        Optional<byte[]> data = valid(addr) ? bus.get().read(addr, len) : Optional.empty();
        if (data.isEmpty()) return SimReply.error(503, "I2C read failed");
        return SimReply.result("{\"data_hex\": " + DeviceJsonOut.hex(data.get()) + "}");
    }

    private SimReply write(SimRequest req, SimContext ctx) {
        DeviceArgs a = req.args();
        int addr = arg(a, "addr", -1);
        Optional<byte[]> data = a.hex("data_hex");
        if (addr < 0 || data.isEmpty()) return SimReply.error(400, "addr and data_hex are required");
        Optional<I2cBusModel> bus = bus(a);
        if (bus.isEmpty()) return disabled();
        if (!valid(addr) || !bus.get().write(addr, data.get())) return SimReply.error(503, "I2C write failed");
        return SimReply.nullResult();
    }

    private SimReply readReg(SimRequest req, int width) {
        DeviceArgs a = req.args();
        int addr = arg(a, "addr", -1);
        int reg = arg(a, "reg", -1);
        if (addr < 0 || reg < 0) return SimReply.error(400, "addr and reg are required");
        Optional<I2cBusModel> bus = bus(a);
        if (bus.isEmpty()) return disabled();
        Optional<byte[]> v = valid(addr) ? bus.get().writeRead(addr, new byte[] {(byte) reg}, width) : Optional.empty();
        if (v.isEmpty()) return SimReply.error(503, "error reading value");
        byte[] b = v.get();
        int value = width == 1 ? b[0] & 0xff : (b[0] & 0xff) << 8 | (b[1] & 0xff);
        return SimReply.result("{\"value\": " + value + "}");
    }

    private SimReply writeReg(SimRequest req, int width) {
        DeviceArgs a = req.args();
        int addr = arg(a, "addr", -1);
        int reg = arg(a, "reg", -1);
        int value = arg(a, "value", -1);
        // The firmware's message really says "add".
        if (addr < 0 || reg < 0 || value < 0) return SimReply.error(400, "add, reg and value are required");
        Optional<I2cBusModel> bus = bus(a);
        if (bus.isEmpty()) return disabled();
        byte[] out = width == 1
                ? new byte[] {(byte) reg, (byte) value}
                : new byte[] {(byte) reg, (byte) (value >> 8), (byte) value};
        if (!valid(addr) || !bus.get().write(addr, out)) return SimReply.error(503, "error writing value");
        return SimReply.nullResult();
    }

    private Optional<I2cBusModel> bus(DeviceArgs a) { return enabledBus(arg(a, "bus", 0)); }

    // Only 7-bit addresses exist on the bus; a larger number reaches nobody and reads as a NACK.
    private static boolean valid(int addr) { return addr <= 0x7F; }

    private static int arg(DeviceArgs a, String key, int dflt) {
        // json_scanf's %d stores into a C int.
        return a.integer(key).isPresent() ? (int) a.integer(key).getAsLong() : dflt;
    }

    private static SimReply disabled() { return SimReply.error(503, "I2C is disabled"); }
}
