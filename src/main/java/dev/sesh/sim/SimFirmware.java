package dev.sesh.sim;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Clock;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.atca.packet.Variant;
import dev.sesh.sim.chip.AteccChip;
import dev.sesh.sim.chip.AteccI2cTarget;
import dev.sesh.sim.chip.ChipMemory;
import dev.sesh.sim.fs.FlashFs;
import dev.sesh.sim.i2c.Eeprom24C02;
import dev.sesh.sim.i2c.Lm75;
import dev.sesh.sim.http.HttpService;
import dev.sesh.sim.i2c.I2cBusModel;
import dev.sesh.sim.service.AtcaService;
import dev.sesh.sim.service.ConfigService;
import dev.sesh.sim.service.FsService;
import dev.sesh.sim.service.I2cService;
import dev.sesh.sim.service.RpcService;
import dev.sesh.sim.service.SimIdentity;
import dev.sesh.sim.service.SimService;
import dev.sesh.sim.service.SysService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated firmware's composition: the board's parts and its services in the firmware's init
 * order (RPC.List shows them reversed: I2C, FS, Config, Sys, RPC). {@link #open} builds the
 * article's app for a {@code sim:} port; {@link #captureRig} the board of reference/mos-captures.
 */
public final class SimFirmware {
    /** Espressif's OUI: every simulated MAC starts 5C:CF:7F. */
    private static final String OUI = "5ccf7f";
    /** In a sim:PATH folder: the board's MAC as 12 hex digits. */
    public static final String MAC_FILE = "mac";
    /** In a sim:PATH folder: the chip's EEPROM as {@link ChipMemory#save()} writes it. */
    public static final String CHIP_FILE = "atecc.bin";
    private static final AtomicLong BOARDS = new AtomicLong();

    private SimFirmware() {}

    /** The parts of one board (its I2C buses hold the devices soldered on it, the ATECC among them). */
    public record Parts(FlashFs fs, ConfigService config, FsService fsService, I2cBusModel bus0, I2cBusModel bus1, AteccChip chip) {}

    /**
     * Flash, config, FS and I2C buses over {@code image}; bus 0 carries a 24C02 EEPROM at 0x50 and
     * {@code chip} (at the address in its config byte 16, 0x60).
     */
    public static Parts parts(FlashFs fs, Clock clock, AteccChip chip) { return parts(fs, clock, chip, new ConfigService(fs)); }

    private static Parts parts(FlashFs fs, Clock clock, AteccChip chip, ConfigService config) {
        I2cBusModel bus0 = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);
        bus0.attach(new Eeprom24C02(clock));
        bus0.attach(new AteccI2cTarget(chip));
        return new Parts(fs, config, new FsService(fs), bus0, new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ), chip);
    }

    /** The services in init order: I2C bus init, RPC, Sys, Config, FS, I2C, ATCA. */
    public static List<SimService> services(Parts p) {
        I2cService i2c = new I2cService(p.bus0(), p.bus1());
        return List.of(i2c.busInit(), new RpcService(), new SysService(), p.config(), p.fsService(), i2c, new AtcaService(i2c));
    }

    /**
     * The article's app: {@link #services} and then the HTTP server (HTTPS with the key in the
     * chip when configured), its TLS listener on host port {@code httpsPort} (0 = any free one).
     */
    public static List<SimService> appServices(Parts p, int httpsPort) { return appServices(p, httpsPort, 0); }

    /** As {@link #appServices(Parts, int)}, the plain HTTP listener on host port {@code httpPort} (0 = any free one). */
    public static List<SimService> appServices(Parts p, int httpsPort, int httpPort) {
        List<SimService> s = new java.util.ArrayList<>(services(p));
        AtcaService atca = (AtcaService) s.get(s.size() - 1);
        s.add(new HttpService(p.fs(), atca, httpsPort, httpPort));
        return List.copyOf(s);
    }

    /** A board built from parts, with the services of the capture rig's firmware. */
    public static SimBoard board(SimIdentity identity, Clock clock, Parts p, int baud, FaultSpec faults) {
        return board(identity, clock, p, services(p), baud, faults);
    }

    private static SimBoard board(SimIdentity identity, Clock clock, Parts p, List<SimService> services, int baud, FaultSpec faults) {
        return SimBoard.builder(identity, clock).config(p.config()).fs(p.fsService()).services(services)
                .baud(baud).faults(faults).build();
    }

    /** A board set up like the capture rig of reference/mos-captures: factory image, no vendor level. */
    public static SimBoard captureRig(SimIdentity identity, Clock clock) {
        AteccChip chip = new AteccChip(ChipMemory.factoryNew(Variant.ATECC508A, SimOptions.DEFAULT_SEED), clock, SimOptions.DEFAULT_SEED);
        return board(identity, clock, parts(FlashFs.inMemory(FlashFs.factoryImage(), clock), clock, chip), 0, FaultSpec.none());
    }

    /**
     * The article's app for a {@code sim:} port: in memory, or kept in {@code options.folder()}
     * (files under {@code fs/}, the board's MAC in {@code mac}, so it is the same board next time).
     */
    public static SimBoard open(SimOptions options, Clock clock) {
        // A freshly flashed board: conf0.json only; the app's defaults are compiled into the schema.
        Map<String, byte[]> image = FlashFs.factoryImage();
        FlashFs fs;
        Bytes mac;
        AteccChip chip;
        if (options.folder().isPresent()) {
            Path dir = options.folder().get();
            mac = persistentMac(dir, options.seed());
            fs = options.flash() ? FlashFs.reflashed(dir, image, clock) : FlashFs.persistent(dir, image, clock);
            chip = persistentChip(dir, options, chipSeed(mac, options), clock);
        } else {
            mac = randomMac(new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + BOARDS.incrementAndGet()));
            fs = FlashFs.inMemory(image, clock);
            long seed = chipSeed(mac, options);
            chip = chip(ChipMemory.factoryNew(options.chip(), seed), clock, options, seed, () -> { });
        }
        // The article's app also has the mqtt and aws libs (their keys are what aws-iot setup writes).
        Parts p = parts(fs, clock, chip, new ConfigService(fs, options.app() == SimOptions.App.BARE
                ? dev.sesh.sim.conf.Esp8266Schema.bare() : dev.sesh.sim.conf.Esp8266Schema.app()));
        // The article's board also carries a register device (an LM75-style sensor) at 0x48, so a scan
        // shows all three kinds of target (issue 4, ux-examples "Find the chip"); the capture rig has none.
        p.bus0().attach(new Lm75());
        // A twin of a real board (issue 23) has the original's build strings and says it is a twin.
        SimIdentity identity = options.folder().flatMap(TwinFile::read).map(t -> t.identity(mac)).orElse(SimIdentity.seshSim(mac));
        return board(identity, clock, p, appServices(p, options.httpsPort(), options.httpPort()), options.baud(), options.faults());
    }

    /**
     * Opens a {@code sim:} port in this process: builds the board, serves it on its own thread
     * over an in-process link and returns the host's end. Closing that end stops the server and
     * powers the board off (its HTTP listener closes).
     */
    public static Transport connect(PortSpec.Sim spec, Clock clock) {
        SimBoard board = open(SimOptions.from(spec), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        board.attachUntilClosed(link.device());
        return link.host();
    }

    /**
     * The chip's seed (its serial number and random stream) follows the board's MAC, which is unique
     * per board and kept in a sim:PATH folder, so every simulated board has its own chip serial and
     * a folder board keeps its serial across restarts (issue 5).
     */
    private static long chipSeed(Bytes mac, SimOptions options) {
        long m = 0;
        for (int i = 0; i < mac.length(); i++) m = m << 8 | mac.get(i);
        return options.seed() * 0x9E3779B97F4A7C15L ^ m;
    }

    // The chip's EEPROM lives in CHIP_FILE and is rewritten after every command that changed it.
    private static AteccChip persistentChip(Path dir, SimOptions options, long seed, Clock clock) {
        Path f = dir.resolve(CHIP_FILE);
        try {
            ChipMemory mem = Files.exists(f) ? ChipMemory.load(Files.readAllBytes(f)) : ChipMemory.factoryNew(options.chip(), seed);
            if (!Files.exists(f)) Files.write(f, mem.save());
            return chip(mem, clock, options, seed, () -> {
                try {
                    Files.write(f, mem.save());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | IllegalArgumentException e) {
            throw SeshException.failed("cannot keep the simulated chip in " + f + ": " + e.getMessage(),
                    "give sim: a folder you can write to, or remove the damaged " + CHIP_FILE);
        }
    }

    /**
     * The seed picks the chip's serial number; it drives the chip's RNG only when pinned
     * ({@code seed=N} given), so a board reopened from its folder never replays Random or GenKey.
     */
    private static AteccChip chip(ChipMemory mem, Clock clock, SimOptions options, long seed, Runnable onChange) {
        return options.seedPinned() ? new AteccChip(mem, clock, seed, onChange) : AteccChip.unpinned(mem, clock, onChange);
    }

    private static Bytes randomMac(SplittableRandom r) {
        return Bytes.ofHex(OUI + String.format("%06x", r.nextInt(1 << 24)));
    }

    private static Bytes persistentMac(Path dir, long seed) {
        Path f = dir.resolve(MAC_FILE);
        try {
            if (Files.exists(f)) {
                String hex = Files.readString(f).trim();
                if (hex.matches("[0-9a-fA-F]{12}")) return Bytes.ofHex(hex);
            }
            Files.createDirectories(dir);
            // Seeded by the folder too, so two folders made with the same seed are distinct boards.
            Bytes mac = randomMac(new SplittableRandom(seed ^ dir.toAbsolutePath().normalize().toString().hashCode() ^ System.nanoTime()));
            Files.writeString(f, mac.hex() + "\n");
            return mac;
        } catch (IOException e) {
            throw SeshException.failed("cannot keep the simulated board in " + dir + ": " + e.getMessage(),
                    "give sim: a folder you can write to, or use sim: for an in-memory board");
        }
    }
}
