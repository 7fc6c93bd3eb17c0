package dev.sesh.sim;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.Variant;
import dev.sesh.rpc.transport.PortSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to build a simulated board, from a {@code sim:[PATH][?chip=508a|608a&baud=N&faults=SPEC&seed=N&https_port=N&http_port=N&app=article|bare&flash=1]}
 * port (design.md 5.3, docs/simulator.md). {@code folder} empty = a fresh in-memory board;
 * {@code baud} 0 = output unpaced; {@code seed} drives every random choice (MAC of an in-memory
 * board, fault positions); {@code httpsPort} is the loopback port the board's HTTPS listener takes
 * on this host, 0 = any free one; {@code httpPort} likewise for the plain HTTP listener (HTTP and
 * the RPC WebSocket at /rpc, what {@code sim serve --listen ws://...} sets). {@code seedPinned}:
 * the seed was given ({@code seed=N}), so the chip's random numbers (Random, Nonce, GenKey) repeat
 * from boot to boot too; otherwise they come from a CSPRNG and never repeat (a real chip's RNG
 * does not restart its sequence at power-up). {@code flash}: a {@code sim:PATH} board's
 * filesystem is rewritten with the factory image first, as reflashing a real board does (the way
 * out of a boot loop).
 */
public record SimOptions(Optional<Path> folder, Variant chip, int baud, FaultSpec faults, long seed, int httpsPort, int httpPort,
                         boolean seedPinned, App app, boolean flash) {
    /**
     * Which firmware build: {@code ARTICLE} has the article app's defaults compiled in (I2C on, pins
     * 12/14); {@code BARE} is a stock build (I2C off, as a freshly flashed demo firmware).
     */
    public enum App { ARTICLE, BARE }

    /** Default seed when none is given (design.md 5.4: a fixed default). */
    public static final long DEFAULT_SEED = 1;
    private static final Set<String> KEYS = Set.of("chip", "baud", "faults", "seed", "https_port", "http_port", "app", "flash");

    public SimOptions {
        java.util.Objects.requireNonNull(app);
        if (baud < 0) throw SeshException.badArg("baud " + baud + " is negative", "use sim:?baud=115200, or leave it out for no pacing");
        if (httpsPort < 0 || httpsPort > 65535) throw SeshException.badArg("https_port " + httpsPort + " is not a TCP port", "use 1-65535, or leave it out for any free port");
        if (httpPort < 0 || httpPort > 65535) throw SeshException.badArg("http_port " + httpPort + " is not a TCP port", "use 1-65535, or leave it out for any free port");
    }

    /** Options without a fixed HTTPS port; the chip's RNG is not pinned. */
    public SimOptions(Optional<Path> folder, Variant chip, int baud, FaultSpec faults, long seed) {
        this(folder, chip, baud, faults, seed, 0, 0, false, App.ARTICLE, false);
    }

    /** Options without a fixed plain HTTP port, the chip's RNG not pinned, the article's app kept as it is. */
    public SimOptions(Optional<Path> folder, Variant chip, int baud, FaultSpec faults, long seed, int httpsPort) {
        this(folder, chip, baud, faults, seed, httpsPort, 0, false, App.ARTICLE, false);
    }

    /** These options with the chip's RNG pinned to the seed (tests that compare chip randomness). */
    public SimOptions pinned() { return new SimOptions(folder, chip, baud, faults, seed, httpsPort, httpPort, true, app, flash); }

    /** A fresh in-memory board with a 508A, unpaced, no faults. */
    public static SimOptions defaults() {
        return new SimOptions(Optional.empty(), Variant.ATECC508A, 0, FaultSpec.none(), DEFAULT_SEED, 0, 0, false, App.ARTICLE, false);
    }

    public static SimOptions from(PortSpec.Sim spec) {
        Map<String, String> o = spec.options();
        for (String k : o.keySet()) {
            if (!KEYS.contains(k)) throw SeshException.badArg("unknown sim option '" + k + "' in " + spec.text(), "options are chip, baud, faults, seed, https_port, http_port, app, flash");
        }
        long seed = o.containsKey("seed") ? number(o.get("seed"), "seed", spec) : DEFAULT_SEED;
        Variant chip;
        try {
            chip = Variant.parse(o.getOrDefault("chip", "508a"));
        } catch (IllegalArgumentException e) {
            throw SeshException.badArg("unknown chip '" + o.get("chip") + "' in " + spec.text(), "use chip=508a or chip=608a");
        }
        int baud = o.containsKey("baud") ? (int) number(o.get("baud"), "baud", spec) : 0;
        FaultSpec faults = FaultSpec.parse(o.getOrDefault("faults", ""), seed);
        Optional<Path> folder = spec.inMemory() ? Optional.empty() : Optional.of(Path.of(spec.path()));
        int httpsPort = o.containsKey("https_port") ? (int) number(o.get("https_port"), "https_port", spec) : 0;
        int httpPort = o.containsKey("http_port") ? (int) number(o.get("http_port"), "http_port", spec) : 0;
        App app = switch (o.getOrDefault("app", "article")) {
            case "article" -> App.ARTICLE;
            case "bare" -> App.BARE;
            default -> throw SeshException.badArg("unknown app '" + o.get("app") + "' in " + spec.text(), "use app=article (I2C on) or app=bare (a stock build, I2C off)");
        };
        String f = o.getOrDefault("flash", "0");
        if (!f.equals("0") && !f.equals("1")) throw SeshException.badArg("flash '" + f + "' is not 0 or 1 in " + spec.text(), "sim:PATH?flash=1 reflashes the board's filesystem");
        return new SimOptions(folder, chip, baud, faults, seed, httpsPort, httpPort, o.containsKey("seed"), app, f.equals("1"));
    }

    private static long number(String v, String key, PortSpec.Sim spec) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw SeshException.badArg(key + " '" + v + "' is not a number in " + spec.text(), "e.g. sim:?" + key + "=115200");
        }
    }
}
