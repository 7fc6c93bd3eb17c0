package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A simulated board on a virtual clock and a {@link Board} connected to it in-process, with a gate
 * that records every plan and approves (or declines) it. {@link #reconnect()} opens a new link to
 * the same simulated board, as a user would after a lost connection.
 */
final class SimLink implements AutoCloseable {
    final VirtualClock clock = new VirtualClock();
    final SimBoard sim;
    final List<Plan> plans = new CopyOnWriteArrayList<>();
    volatile boolean approve = true;
    private Board board;
    private dev.sesh.sim.SimRpcServer server;

    private final RpcOptions rpcOptions;

    SimLink(String port) { this(port, RpcOptions.defaults()); }

    /** {@code rpc}'s clock is replaced by the link's virtual clock. */
    SimLink(String port, RpcOptions rpc) {
        sim = SimFirmware.open(SimOptions.from((PortSpec.Sim) PortSpec.parse(port, 0)), clock);
        rpcOptions = rpc.withClock(clock);
        board = connect();
    }

    SimLink() { this("sim:"); }

    Board board() { return board; }

    Board reconnect() throws InterruptedException {
        board.close();
        server.join(5000);
        board = connect();
        return board;
    }

    private Board connect() {
        InProcessTransport.Pair pair = InProcessTransport.pair();
        server = sim.attach(pair.device());
        RpcClient rpc = new RpcClient(pair.host(), rpcOptions);
        ChangeGate gate = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) {
                plans.add(plan);
                if (!approve) throw SeshException.declined("declined: " + plan.title(), "");
                return action.get();
            }
        };
        return new Board(rpc, "sim:", "sim", gate, clock);
    }

    @Override public void close() {
        board.close();
        sim.powerOff();
    }
}
