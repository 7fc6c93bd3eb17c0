package dev.sesh.cli;

import dev.sesh.bytes.Clock;
import dev.sesh.rpc.transport.DefaultTransportFactory;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.rpc.transport.TcpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.TransportFactory;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The transport factory the shell opens ports with: serial, tcp:// and ws:// as usual, and
 * {@code sim:} / {@code sim:PATH} as a simulated board in this process, served over an in-memory
 * pipe by its own thread (style.md: rpc.transport does not know the simulator; cli does).
 */
final class SimPorts {
    private final Clock clock;
    private final Optional<Path> ca;
    private final Consumer<String> notices;

    SimPorts(Clock clock) { this(clock, Optional.empty(), line -> { }); }

    /** {@code ca}: the {@code --ca} file https:// ports trust. */
    SimPorts(Clock clock, Optional<Path> ca) {
        this(clock, ca, line -> {
            System.err.println(line);
            System.err.flush();
        });
    }

    /**
     * {@code ca}: the {@code --ca} file https:// ports trust; {@code notices} gets one-line messages
     * of a link (a ws:// link reopened) and one when a {@code sim:} port pins the chip's RNG with
     * {@code seed=N} (design.md 5.4: the seed is printed).
     */
    SimPorts(Clock clock, Optional<Path> ca, Consumer<String> notices) {
        this.clock = clock;
        this.ca = ca;
        this.notices = notices;
    }

    static String pinnedNotice(long seed) {
        return "note: sim seed=" + seed + " pins the simulated chip's random numbers (Random, Nonce, GenKey repeat on every boot)";
    }

    TransportFactory transportFactory() {
        return new DefaultTransportFactory(TcpTransport.DEFAULT_CONNECT_TIMEOUT, ca, notices) {
            @Override public Transport openSim(PortSpec.Sim spec) {
                SimOptions options = SimOptions.from(spec);
                if (options.seedPinned()) notices.accept(pinnedNotice(options.seed()));
                return SimFirmware.connect(spec, clock);
            }
        };
    }
}
