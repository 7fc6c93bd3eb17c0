package dev.sesh.cli;

import dev.sesh.bytes.Clock;
import dev.sesh.rpc.transport.DefaultTransportFactory;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.TransportFactory;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import dev.sesh.sim.SimRpcServer;

/**
 * The transport factory the shell opens ports with: serial, tcp:// and ws:// as usual, and
 * {@code sim:} / {@code sim:PATH} as a simulated board in this process, served over an in-memory
 * pipe by its own thread (style.md: rpc.transport does not know the simulator; cli does).
 */
final class SimPorts {
    private final Clock clock;

    SimPorts(Clock clock) { this.clock = clock; }

    TransportFactory transportFactory() {
        return new DefaultTransportFactory() {
            @Override public Transport openSim(PortSpec.Sim spec) { return openInProcess(spec); }
        };
    }

    /** A new simulated board for {@code spec}, served on the device end of an in-memory pipe. */
    Transport openInProcess(PortSpec.Sim spec) {
        SimBoard board = SimFirmware.open(SimOptions.from(spec), clock);
        InProcessTransport.Pair pair = InProcessTransport.pair();
        board.attach(pair.device());
        return pair.host();
    }
}
