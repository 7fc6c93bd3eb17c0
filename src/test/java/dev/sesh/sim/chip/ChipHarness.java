package dev.sesh.sim.chip;

import dev.sesh.atca.command.ChipCommand;
import dev.sesh.atca.command.Read;
import dev.sesh.atca.host.SerialNumber;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.atca.packet.Timing;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.i2c.I2cBusModel;

/**
 * A chip on a simulated 100 kHz bus driven the way the Mongoose OS firmware does it (reference/atecc.md
 * 1.9): wake, command, wait the max execution time, read count then the rest, idle.
 */
final class ChipHarness {
    final VirtualClock clock = new VirtualClock();
    final ChipMemory mem;
    final AteccChip chip;
    final I2cBusModel bus = new I2cBusModel(clock, 100_000);

    ChipHarness(Variant v) { this(ChipMemory.factoryNew(v, 42)); }

    ChipHarness(ChipMemory mem) {
        this.mem = mem;
        this.chip = new AteccChip(mem, clock, 7);
        bus.attach(new AteccI2cTarget(chip));
    }

    /** Wake pulse (write 00 to address 0), 1.5 ms, read the 4-byte answer. */
    Bytes wake() {
        bus.write(0, new byte[] {0});
        clock.advance(Timing.WAKE_HIGH_US * 1000);
        return Bytes.of(bus.read(0x60, 4).orElseThrow(() -> new AssertionError("no wake answer")));
    }

    /** One firmware-style command: wake, send, wait, read, idle. */
    ResponsePacket send(CommandPacket p) {
        wake();
        ResponsePacket r = sendAwake(p);
        bus.write(0x60, new byte[] {2});
        return r;
    }

    ResponsePacket send(ChipCommand c) { return send(c.toPacket()); }

    /** Sends without waking or idling; waits the max time, then reads count byte and the rest. */
    ResponsePacket sendAwake(CommandPacket p) {
        byte[] g = p.encode().toArray();
        byte[] w = new byte[g.length + 1];
        w[0] = 3;
        System.arraycopy(g, 0, w, 1, g.length);
        if (!bus.write(0x60, w)) throw new AssertionError("command NACKed");
        clock.advance(1000 * p.op().map(op -> Timing.maxExecutionUs(op, mem.variant(), mem.chipMode())).orElse(0L));
        byte[] count = bus.read(0x60, 1).orElseThrow(() -> new AssertionError("answer NACKed"));
        byte[] rest = bus.read(0x60, (count[0] & 0xff) - 1).orElseThrow();
        return ResponsePacket.decode(Bytes.of(count).concat(Bytes.of(rest)));
    }

    StatusCode status(ChipCommand c) {
        ResponsePacket r = send(c);
        return r.status().orElse(StatusCode.SUCCESS);
    }

    /** Data of a successful answer; fails the test with the chip's refusal rule otherwise. */
    Bytes data(ChipCommand c) {
        ResponsePacket r = send(c);
        if (r.isStatus()) throw new AssertionError(c + " answered " + r + ": " + chip.lastRefusal());
        return r.payload();
    }

    void ok(ChipCommand c) {
        ResponsePacket r = send(c);
        if (!r.ok()) throw new AssertionError(c + " answered " + r + ": " + chip.lastRefusal());
    }

    Bytes config() {
        Bytes all = Bytes.EMPTY;
        for (int b = 0; b < 4; b++) all = all.concat(data(Read.config32(b)));
        return all;
    }

    SerialNumber serial() { return SerialNumber.fromConfig(config()); }
}
