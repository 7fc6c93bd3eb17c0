package dev.sesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Clock;
import dev.sesh.plan.Answer;
import dev.sesh.plan.AuditedGate;
import dev.sesh.plan.Change;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Decision;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcException;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.WireTrace;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.sim.SimFirmware;
import dev.sesh.testing.BoardSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests of the guard at the link (issue 15): random frames in the shapes the firmware
 * accepts (methods in any case, numbers as strings and floats, chip packets at random addresses,
 * hex in either case with an odd digit) sent through a guarded client with no approved plan never
 * change the board; and every frame of an approved plan goes out. The seed is printed.
 */
class LinkGuardPropertyTest {
    private static final String[] METHODS = {
        "Sys.GetInfo", "Sys.Reboot", "Sys.SetDebug", "Config.Get", "Config.Set", "Config.Save", "FS.List", "FS.ListExt",
        "FS.Get", "FS.Put", "FS.Remove", "FS.Rename", "FS.Mkfs", "I2C.Scan", "I2C.Read", "I2C.Write", "I2C.WriteRegB",
        "I2C.WriteRegW", "I2C.ReadRegB", "ATCA.GetConfig", "ATCA.SetConfig", "ATCA.LockZone", "ATCA.SetKey",
        "ATCA.GenKey", "ATCA.GetPubKey", "RPC.List", "RPC.Ping", "Made.Up"};
    private static final Object[] CHIP_ADDRESSES = {96, "96", "0x60", "0X60", 96.0, 88, "88", 80, 0x48, 0, "x"};

    @Test
    void withoutAnApprovedPlanNoRandomFrameChangesTheBoard(@TempDir Path dir) {
        Path board = dir.resolve("board");
        String port = "sim:" + board;
        close(open(port, declineAll(), new ArrayList<>()));          // first boot: the board's folder exists
        BoardSnapshot before = BoardSnapshot.of(board);
        randomFramesChangeNothing(open(port, declineAll(), sentLog));
        assertEquals(java.util.Set.of(), BoardSnapshot.of(board).differences(before), "frames that passed changed the board");
    }

    /** The same over a real TCP socket to the same kind of board: the guard sits above every transport. */
    @Test
    void overTcpNoRandomFrameChangesTheBoardEither(@TempDir Path dir) throws java.io.IOException {
        Path board = dir.resolve("board");
        dev.sesh.sim.SimBoard sim = SimFirmware.open(dev.sesh.sim.SimOptions.from((PortSpec.Sim) PortSpec.parse("sim:" + board, 0)), Clock.system());
        BoardSnapshot before = BoardSnapshot.of(board);
        try (var listener = dev.sesh.rpc.listen.TcpListener.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), sim::serve)) {
            String port = listener.url();
            var t = new dev.sesh.rpc.transport.DefaultTransportFactory().open(PortSpec.parse(port, 0));
            RpcClient rpc = new RpcClient(t, RpcOptions.defaults(), declineAll().guardFor(port)::admit);
            rpc.addWireTrace((direction, json) -> { if (direction == WireTrace.Direction.SENT) sentLog.add(json); });
            randomFramesChangeNothing(rpc);
        } finally {
            sim.powerOff();
        }
        assertEquals(java.util.Set.of(), BoardSnapshot.of(board).differences(before), "frames that passed over TCP changed the board");
    }

    /** And over the board's own WebSocket at /rpc on its HTTP port, as a real board serves it. */
    @Test
    void overWebSocketNoRandomFrameChangesTheBoardEither(@TempDir Path dir) throws Exception {
        Path board = dir.resolve("board");
        dev.sesh.sim.SimBoard sim = SimFirmware.open(dev.sesh.sim.SimOptions.from((PortSpec.Sim) PortSpec.parse("sim:" + board, 0)), Clock.system());
        dev.sesh.testing.SimTicker ticker = new dev.sesh.testing.SimTicker(sim);   // what sim serve does
        try {
            String url = null;
            for (int i = 0; i < 300 && url == null; i++) {
                url = ticker.url("80").orElse(null);
                if (url == null) Thread.sleep(10);
            }
            assertTrue(url != null, "the board's HTTP server did not start: " + ticker.log());
            BoardSnapshot before = BoardSnapshot.of(board);
            String port = "ws://" + url.substring("http://".length()) + "/rpc";
            var t = new dev.sesh.rpc.transport.DefaultTransportFactory().open(PortSpec.parse(port, 0));
            RpcClient rpc = new RpcClient(t, RpcOptions.defaults(), declineAll().guardFor(port)::admit);
            rpc.addWireTrace((direction, json) -> { if (direction == WireTrace.Direction.SENT) sentLog.add(json); });
            randomFramesChangeNothing(rpc);
            assertEquals(java.util.Set.of(), BoardSnapshot.of(board).differences(before), "frames that passed over the WebSocket changed the board");
        } finally {
            ticker.close();
        }
    }

    private final List<String> sentLog = new CopyOnWriteArrayList<>();

    private void randomFramesChangeNothing(RpcClient rpc) {
        long seed = System.nanoTime();
        System.out.println("LinkGuardPropertyTest seed " + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> sent = sentLog;
        int refused = 0;
        int passed = 0;
        int answered = 0;
        try {
            for (int i = 0; i < 400; i++) {
                String method = randomCase(rnd, METHODS[rnd.nextInt(METHODS.length)]);
                String params = params(rnd, method);
                int before0 = sent.size();
                try {
                    rpc.call(method, params);
                    passed++;
                    answered++;
                } catch (RpcException e) {
                    passed++;          // sent; the board answered with an error or not at all
                } catch (SeshException e) {
                    assertEquals(3, e.exitCode(), e.getMessage());
                    refused++;
                    assertEquals(before0, sent.size(), "a refused frame reached the wire: " + method + " " + params + " (seed " + seed + ")");
                }
            }
        } finally {
            close(rpc);
        }
        assertTrue(refused > 100 && passed > 50, "a useless sample: " + refused + " refused, " + passed + " passed (seed " + seed + ")");
        assertTrue(answered > 20, "the link carried too few answered calls to mean anything: " + answered + " (seed " + seed + ")");
    }

    @Test
    void everyFrameOfAnApprovedPlanGoesOut(@TempDir Path dir) {
        long seed = System.nanoTime();
        System.out.println("LinkGuardPropertyTest seed " + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        String port = "sim:" + dir.resolve("board");
        AuditedGate gate = new AuditedGate(p -> new Decision(Answer.APPROVED, "", ""), e -> { }, java.time.Clock.systemUTC());
        List<String> sent = new CopyOnWriteArrayList<>();
        RpcClient rpc = open(port, gate, sent);
        try {
            for (int i = 0; i < 60; i++) {
                String method = randomCase(rnd, METHODS[rnd.nextInt(METHODS.length)]);
                String params = params(rnd, method);
                Change.RpcCall change;
                try {
                    change = Change.RpcCall.of(method, params == null ? "" : params);
                } catch (IllegalArgumentException readOnly) {
                    continue;
                }
                Plan plan = Plan.builder("call " + method, Target.board(port, "")).change(change)
                        .phrase(change.reversibility() == dev.sesh.plan.Reversibility.IRREVERSIBLE ? "yes" : "").build();
                int before = sent.size();
                try {
                    gate.apply(plan, () -> rpc.call(method, params));
                } catch (RpcException e) {
                    assertTrue(true, "the board refused or did not answer: the frame went out, which is what is checked");
                } catch (SeshException e) {
                    throw new AssertionError("an approved frame was refused: " + method + " " + params + " (seed " + seed + "): " + e.getMessage());
                }
                assertTrue(sent.size() > before, method + " " + params + " did not go out (seed " + seed + ")");
                if (method.equalsIgnoreCase("Sys.Reboot") || method.equalsIgnoreCase("FS.Mkfs")) break;
            }
        } finally {
            close(rpc);
        }
    }

    private static ChangeGate declineAll() {
        return new AuditedGate(p -> new Decision(Answer.DECLINED, "declined", ""), e -> { }, java.time.Clock.systemUTC());
    }

    private static RpcClient open(String port, ChangeGate gate, List<String> sent) {
        var t = SimFirmware.connect((PortSpec.Sim) PortSpec.parse(port, 0), Clock.system());
        RpcClient rpc = new RpcClient(t, RpcOptions.defaults().withTimeouts(dev.sesh.rpc.Timeouts.DEFAULTS), gate.guardFor(port)::admit);
        rpc.addWireTrace((direction, json) -> { if (direction == WireTrace.Direction.SENT) sent.add(json); });
        return rpc;
    }

    private static void close(RpcClient rpc) { rpc.close(); }

    private static String randomCase(SplittableRandom rnd, String s) {
        switch (rnd.nextInt(4)) {
            case 0: return s.toLowerCase(Locale.ROOT);
            case 1: return s.toUpperCase(Locale.ROOT);
            default: return s;
        }
    }

    private static String json(Object o) {
        if (o instanceof String s) return "\"" + s + "\"";
        return String.valueOf(o);
    }

    private static Object number(SplittableRandom rnd, int v) {
        switch (rnd.nextInt(4)) {
            case 0: return "\"" + v + "\"";
            case 1: return v + ".0";
            case 2: return "\"0x" + Integer.toHexString(v) + "\"";
            default: return v;
        }
    }

    /** Params the firmware would accept for {@code method}, in one of the shapes it reads. */
    private static String params(SplittableRandom rnd, String method) {
        switch (method.toLowerCase(Locale.ROOT)) {
            case "fs.put": return "{\"filename\":\"" + (rnd.nextBoolean() ? "conf0.json" : "n" + rnd.nextInt(9)) + "\",\"data\":\""
                    + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\",\"append\":" + rnd.nextBoolean() + "}";
            case "fs.remove": case "fs.get": return "{\"filename\":\"conf0.json\"}";
            case "fs.rename": return "{\"src\":\"conf0.json\",\"dst\":\"x.json\"}";
            case "config.set": return "{\"config\":{\"debug\":{\"level\":" + number(rnd, rnd.nextInt(4)) + "}}" + (rnd.nextBoolean() ? ",\"save\":false" : "") + "}";
            case "config.save": return rnd.nextBoolean() ? "{\"reboot\":" + number(rnd, rnd.nextInt(2)) + "}" : "{}";
            case "sys.reboot": return "{\"delay_ms\":" + number(rnd, 0) + "}";
            case "atca.lockzone": return "{\"zone\":" + number(rnd, rnd.nextInt(2)) + "}";
            case "atca.setkey": return "{\"slot\":" + number(rnd, rnd.nextInt(16)) + ",\"ecc\":" + rnd.nextBoolean() + ",\"key\":\"" + "00".repeat(32) + "\"}";
            case "atca.genkey": return "{\"slot\":" + number(rnd, rnd.nextInt(16)) + "}";
            case "i2c.read": return "{\"addr\":" + json(CHIP_ADDRESSES[rnd.nextInt(CHIP_ADDRESSES.length)]) + ",\"len\":4}";
            case "i2c.writeregb": case "i2c.writeregw": case "i2c.readregb":
                return "{\"addr\":" + json(CHIP_ADDRESSES[rnd.nextInt(CHIP_ADDRESSES.length)]) + ",\"reg\":" + number(rnd, rnd.nextInt(5)) + ",\"value\":" + number(rnd, rnd.nextInt(256)) + "}";
            case "i2c.write": {
                Bytes data = chipPacketOrBytes(rnd);
                String hex = data.hex();
                if (rnd.nextBoolean()) hex = hex.toUpperCase(Locale.ROOT);
                if (rnd.nextInt(4) == 0) hex += "f";               // a last odd digit the firmware drops
                return "{\"addr\":" + json(CHIP_ADDRESSES[rnd.nextInt(CHIP_ADDRESSES.length)]) + ",\"data_hex\":\"" + hex + "\"}";
            }
            default: return rnd.nextBoolean() ? null : "{}";
        }
    }

    private static Bytes chipPacketOrBytes(SplittableRandom rnd) {
        int[][] commands = {
            {0x17, 0x80, 0x0000}, {0x17, 0x81, 0x0000}, {0x17, 0x02, 0}, {0x12, 0x02, 8 << 3}, {0x12, 0x00, 4},
            {0x40, 0x04, 0}, {0x40, 0x00, 0}, {0x46, 0x00, 0}, {0x20, 0x00, 0x55}, {0x24, 0x01, 0},
            {0x02, 0x00, 0}, {0x1b, 0x00, 0}, {0x30, 0x00, 0}, {0x16, 0x03, 0}};
        switch (rnd.nextInt(6)) {
            case 0: return Bytes.ofInts(rnd.nextInt(3));                         // reset/sleep/idle
            case 1: return Bytes.ofInts(0x00, rnd.nextInt(256), rnd.nextInt(256)); // an EEPROM-style write
            default: {
                int[] c = commands[rnd.nextInt(commands.length)];
                int dataLength = c[0] == 0x12 ? (c[1] == 0x02 ? 32 : 4) : c[0] == 0x46 ? 36 : c[0] == 0x16 ? 20 : 0;
                byte[] data = new byte[dataLength];
                Bytes group = new CommandPacket(c[0], c[1], c[2], Bytes.of(data)).encode();
                return Bytes.ofInts(0x03).concat(group);
            }
        }
    }
}
