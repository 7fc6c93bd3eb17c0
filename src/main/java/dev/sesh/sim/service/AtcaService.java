package dev.sesh.sim.service;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Info;
import dev.sesh.atca.driver.AtcaDriver;
import dev.sesh.atca.driver.AtcaException;
import dev.sesh.atca.driver.ChipOps;
import dev.sesh.atca.driver.DriverOptions;
import dev.sesh.atca.host.SerialNumber;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.sim.i2c.I2cBusModel;
import dev.sesh.sim.i2c.I2cBusPort;

import java.util.List;
import java.util.Optional;

/**
 * The atca library's boot probe and the rpc-service-atca methods (reference/mos-rpc.md 4.6,
 * atecc.md 1.9 and 9). At boot, only if {@code sys.atca.enable} is true: needs the I2C bus
 * {@code sys.atca.i2c_bus} enabled, then probes the chip at {@code sys.atca.i2c_addr} through
 * {@link AtcaDriver} over the simulated bus (Read config block 0, Info, Read block 0 again for the
 * serial, two Reads of config word 0x15) and logs one line. The ATCA.* methods are registered only
 * if all of that worked; otherwise the board answers 404 for them. The service never touches the
 * chip model directly.
 */
public final class AtcaService implements SimService {
    private static final String ATCA_C = "mgos_atca.c";

    private final I2cService i2c;
    private volatile Optional<ChipOps> chip = Optional.empty();

    /** {@code i2c} must have run its boot step before this service's {@link #init}. */
    public AtcaService(I2cService i2c) { this.i2c = i2c; }

    /** The chip driver of this boot, if the probe found a chip (for the board's TLS signer). */
    public Optional<ChipOps> chip() { return chip; }

    @Override public List<SimMethod> init(SimContext ctx) {
        chip = Optional.empty();
        SimConfigView cfg = ctx.config();
        if (!cfg.bool("sys.atca.enable", false)) return List.of();
        int busNo = (int) cfg.integer("sys.atca.i2c_bus", 0);
        Optional<I2cBusModel> bus = i2c.enabledBus(busNo);
        if (bus.isEmpty()) {
            // mgos_atca_init returns false here: the firmware's init fails and the board restarts (boot loop).
            ctx.log(LogLevel.ERROR, ATCA_C, 64, "ATCA requires I2C to be enabled (i2c.enable=true)");
            throw new InitFailedException(InitFailedException.DEPS_FAILED);
        }
        long a = cfg.integer("sys.atca.i2c_addr", DriverOptions.DEFAULT_ADDRESS);
        // Values from 0x7F up are taken as the 8-bit address byte (atecc.md 9.1).
        int addr = (int) (a < 0x7F ? a : a >> 1) & 0x7F;
        AtcaDriver driver = new AtcaDriver(new I2cBusPort(bus.get()), ctx.clock(), DriverOptions.firmware().withAddress(addr));
        ChipOps ops = ChipOps.firmware(driver);
        if (!probe(ctx, ops, busNo, addr)) {
            ctx.log(LogLevel.ERROR, ATCA_C, 135, "ATCA: Chip is not available");
            return List.of();
        }
        chip = Optional.of(ops);
        return new AtcaMethods(ops).methods();
    }

    // The firmware's mgos_atca_init after the bus checks; logs one line either way.
    private static boolean probe(SimContext ctx, ChipOps ops, int busNo, int addr) {
        AtcaDriver d = ops.driver();
        int chipMode;
        try {
            chipMode = ops.readConfigBlock(0).get(19);
        } catch (AtcaException e) {
            ctx.log(LogLevel.ERROR, ATCA_C, 80, "ATCA: Library init failed");
            return false;
        }
        d.setChip(Variant.ATECC608A, chipMode);
        int rev;
        try {
            Bytes info = d.execute(Info.revision(), 7);
            rev = info.get(0) << 24 | info.get(1) << 16 | info.get(2) << 8 | info.get(3);
        } catch (AtcaException e) {
            ctx.log(LogLevel.ERROR, ATCA_C, 86, String.format("ATCA: Failed to get chip info (%d/0x%x)", busNo, addr));
            return false;
        }
        Variant variant = rev >= 0x6000 ? Variant.ATECC608A : Variant.ATECC508A;
        d.setChip(variant, chipMode);
        SerialNumber sn;
        try {
            sn = ops.serial();
        } catch (AtcaException e) {
            ctx.log(LogLevel.ERROR, ATCA_C, 106, "ATCA: Failed to get chip serial number");
            return false;
        }
        boolean configLocked;
        boolean dataLocked;
        try {
            // Two reads of word 0x15 (bytes 84-87): LockConfig is byte 87, LockValue (data) byte 86.
            configLocked = ops.readWord(Address.configByte(84)).get(3) == 0x00;
            dataLocked = ops.readWord(Address.configByte(84)).get(2) == 0x00;
        } catch (AtcaException e) {
            ctx.log(LogLevel.ERROR, ATCA_C, 113, "ATCA: Failed to get chip zone lock status");
            return false;
        }
        Bytes s = sn.bytes();
        long hi = (long) s.get(0) << 24 | s.get(1) << 16 | s.get(2) << 8 | s.get(3);
        long lo = (long) s.get(4) << 24 | s.get(5) << 16 | s.get(6) << 8 | s.get(7);
        ctx.log(ATCA_C, 117, String.format("%s @ %d/0x%02x: rev 0x%04x S/N 0x%04x%04x%02x, zone lock status: %s, %s; ECDH slots: 0x%02x",
                variant.name(), busNo, addr, rev, hi, lo, s.get(8), configLocked ? "yes" : "no", dataLocked ? "yes" : "no",
                ctx.config().integer("sys.atca.ecdh_slots_mask", 0x0c)));
        return true;
    }
}
