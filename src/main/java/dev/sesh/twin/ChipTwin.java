package dev.sesh.twin;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.driver.AtcaDriver;
import dev.sesh.atca.driver.ChipOps;
import dev.sesh.atca.driver.DriverOptions;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.chip.AteccChip;
import dev.sesh.sim.chip.AteccI2cTarget;
import dev.sesh.sim.chip.ChipMemory;
import dev.sesh.sim.i2c.I2cBusModel;
import dev.sesh.sim.i2c.I2cBusPort;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of one chip in memory (issue 23): the byte-level chip model ({@code sim.chip}) loaded with
 * a config zone that was read from the board, reached by the same driver sesh uses for the real
 * chip over a simulated bus on a virtual clock. Nothing here talks to a board. Slots whose contents
 * were not read hold fresh random values (a valid P-256 scalar in private key slots), so every use
 * can be tried; they are never the board's secrets.
 */
final class ChipTwin {
    private final ChipMemory memory;
    private final AteccChip chip;
    private final ChipOps ops;
    private final SecureRandom random;

    private ChipTwin(ChipMemory memory, SecureRandom random) {
        this.memory = memory;
        this.random = random;
        VirtualClock clock = new VirtualClock();
        this.chip = new AteccChip(memory, clock, random, () -> { });
        I2cBusModel bus = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);
        bus.attach(new AteccI2cTarget(chip));
        AtcaDriver driver = new AtcaDriver(new I2cBusPort(bus), clock, DriverOptions.host().withAddress(memory.i2cAddress()));
        driver.setChip(variant(), memory.chipMode());
        this.ops = ChipOps.firmware(driver);
    }

    /** A twin with {@code config} (128 bytes as read) and every slot and the OTP filled with fresh random values. */
    static ChipTwin of(Variant variant, Bytes config, SecureRandom random) {
        List<Bytes> slots = new ArrayList<>();
        ChipMemory shape = ChipMemory.withConfig(variant, config);
        for (int n = 0; n < 16; n++) slots.add(randomSlot(n, (shape.keyConfig(n) & 1) != 0, random));
        return new ChipTwin(ChipMemory.of(variant, config, randomBytes(64, random), slots), random);
    }

    /** Random contents for slot {@code n}; a private key slot gets 4 zero bytes and a valid P-256 scalar (below 2^255, never 0). */
    static Bytes randomSlot(int n, boolean privateKey, SecureRandom random) {
        Bytes b = randomBytes(Address.slotSize(n), random);
        if (!privateKey) return b;
        return Bytes.of(new byte[4]).concat(scalar(random)).concat(b.slice(36, b.length()));
    }

    /** A random P-256 private scalar: 32 bytes below 2^255 (so below the group order) and not zero. */
    static Bytes scalar(SecureRandom random) {
        byte[] d = new byte[32];
        random.nextBytes(d);
        d[0] &= 0x7f;
        d[31] |= 1;
        return Bytes.of(d);
    }

    static Bytes randomBytes(int n, SecureRandom random) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return Bytes.of(b);
    }

    Variant variant() { return memory.variant(); }

    ChipMemory memory() { return memory; }

    ChipOps ops() { return ops; }

    SecureRandom random() { return random; }

    /** Why the chip refused its last command (the model's rule), or "". */
    String lastRefusal() { return chip.lastRefusal(); }

    /** The first 32 bytes of slot {@code n} as the twin holds them (a write key the twin knows). */
    Bytes key(int n) { return memory.slot(n).slice(0, 32); }

    /** The twin's config zone as it stands now (locks included). */
    ConfigZone zone() { return ConfigZone.of(memory.config()); }

}
