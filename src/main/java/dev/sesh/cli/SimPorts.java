package dev.sesh.cli;

import dev.sesh.bytes.Clock;
import dev.sesh.rpc.transport.DefaultTransportFactory;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.rpc.transport.TcpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.TransportFactory;
import dev.sesh.sim.SimFirmware;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The transport factory the shell opens ports with: serial, tcp:// and ws:// as usual, and
 * {@code sim:} / {@code sim:PATH} as a simulated board in this process, served over an in-memory
 * pipe by its own thread (style.md: rpc.transport does not know the simulator; cli does).
 */
final class SimPorts {
    private final Clock clock;
    private final Optional<Path> ca;
    private final java.util.function.Consumer<String> notices;

    SimPorts(Clock clock) { this(clock, Optional.empty()); }

    /** {@code ca}: the {@code --ca} file https:// ports trust. */
    SimPorts(Clock clock, Optional<Path> ca) {
        this(clock, ca, line -> {
            System.err.println(line);
            System.err.flush();
        });
    }

    /** {@code notices}: one-line messages of a link (a ws:// link reopened), for stderr. */
    SimPorts(Clock clock, Optional<Path> ca, java.util.function.Consumer<String> notices) {
        this.clock = clock;
        this.ca = ca;
        this.notices = notices;
    }

    TransportFactory transportFactory() {
        return new DefaultTransportFactory(TcpTransport.DEFAULT_CONNECT_TIMEOUT, ca, notices) {
            @Override public Transport openSim(PortSpec.Sim spec) { return SimFirmware.connect(spec, clock); }
        };
    }
}
