package dev.sesh.testing;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.device.Board;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.WireTrace;
import dev.sesh.rpc.frame.FrameJson;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.sim.FaultSpec;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import dev.sesh.sim.chip.AteccChip;
import dev.sesh.sim.chip.ChipMemory;
import dev.sesh.sim.fs.FlashFs;
import dev.sesh.sim.i2c.Lm75;
import dev.sesh.sim.service.ConfigService;
import dev.sesh.sim.service.SimIdentity;
import dev.sesh.bytes.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The article's simulated board with an LM75-like sensor soldered on at 0x48 (besides the
 * EEPROM at 0x50 and the ATECC at 0x60), on a virtual clock, connected as a {@link Board}
 * through a gate that records every plan and approves or declines as told.
 */
public final class SimI2cBoard implements AutoCloseable {
    public final VirtualClock clock = new VirtualClock();
    public final AteccChip chip;
    public final Lm75 sensor = new Lm75();
    public final RecordingGate gate = new RecordingGate();
    public final Board board;
    /** The JSON of every frame the host sent, in order. */
    public final List<String> sent = new CopyOnWriteArrayList<>();
    /** Every frame both ways, in order, each prefixed "==> " (sent) or "<== " (received). */
    public final List<String> wire = new CopyOnWriteArrayList<>();

    public SimI2cBoard() { this(true); }

    /** A vendor config level (conf1.json) sets {@code i2c.enable}; false is as {@code config set i2c.enable=false} + reboot would leave it. */
    public SimI2cBoard(boolean i2cEnabled) { this(i2cEnabled, Variant.ATECC508A); }

    /** As above with an ATECC508A or ATECC608A chip. */
    public SimI2cBoard(boolean i2cEnabled, Variant variant) {
        chip = new AteccChip(ChipMemory.factoryNew(variant, SimOptions.DEFAULT_SEED), clock, SimOptions.DEFAULT_SEED);
        Map<String, byte[]> image = new TreeMap<>(FlashFs.factoryImage());
        image.put(ConfigService.VENDOR_FILE, ("{\"i2c\": {\"enable\": " + i2cEnabled + "}}").getBytes(StandardCharsets.US_ASCII));
        SimFirmware.Parts parts = SimFirmware.parts(FlashFs.inMemory(image, clock), clock, chip);
        parts.bus0().attach(sensor);
        SimBoard sim = SimFirmware.board(SimIdentity.seshSim(Bytes.ofHex("5ccf7f0a1b2c")), clock, parts, 0, FaultSpec.none());
        InProcessTransport.Pair link = InProcessTransport.pair();
        sim.attach(link.device());
        RpcClient rpc = new RpcClient(link.host(), RpcOptions.defaults().withClock(clock));
        rpc.addWireTrace((direction, json) -> {
            if (direction == WireTrace.Direction.SENT) sent.add(json);
            wire.add((direction == WireTrace.Direction.SENT ? "==> " : "<== ") + json);
        });
        board = new Board(rpc, "sim:", "sim", gate, clock);
        board.info();
        sent.clear();
    }

    /** The methods of the frames sent since construction (or the last {@code sent.clear()}). */
    public List<String> sentMethods() {
        return sent.stream().map(j -> FrameJson.parse(j).path("method").asText()).toList();
    }

    /** A gate that records plans; approves unless told to decline. */
    public static final class RecordingGate implements ChangeGate {
        public final List<Plan> plans = new CopyOnWriteArrayList<>();
        public volatile boolean approve = true;
        /** Runs after approval, before the action: a test's way to change the board between preview and action. */
        public volatile Runnable beforeAction = () -> { };

        @Override public <T> T apply(Plan plan, Supplier<T> action) {
            plans.add(plan);
            if (!approve) throw SeshException.declined("declined: nothing was changed", "");
            beforeAction.run();
            return action.get();
        }
    }

    @Override public void close() { board.close(); }
}
