package dev.sesh.bench;

import dev.sesh.bytes.Clock;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.listen.Listener;
import dev.sesh.rpc.listen.ListenSpec;
import dev.sesh.rpc.transport.TcpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.XonXoff;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sys.GetInfo round trips per second against the simulated board (real clock, unpaced), over the
 * in-process pipe and over TCP loopback. Run by scripts/bench; prints markdown table rows.
 */
public final class RoundTripBench {
    private static final int WARMUP = 300;
    private static final int CALLS = 3000;

    public static void main(String[] args) throws Exception {
        System.out.println(row("in-process", () -> {
            SimBoard b = SimFirmware.open(SimOptions.defaults(), Clock.system());
            InProcessTransport.Pair p = InProcessTransport.pair();
            b.attach(p.device());
            return p.host();
        }));
        SimBoard tcpBoard = SimFirmware.open(SimOptions.defaults(), Clock.system());
        try (Listener l = Listener.open(ListenSpec.parse("tcp://127.0.0.1:0"), tcpBoard::serve)) {
            System.out.println(row("TCP loopback", () -> TcpTransport.connect("127.0.0.1", l.address().getPort(),
                    Duration.ofSeconds(5), XonXoff.standard())));
        }
    }

    private static String row(String name, Supplier<Transport> open) {
        try (RpcClient c = new RpcClient(open.get(), RpcOptions.defaults())) {
            for (int i = 0; i < WARMUP; i++) c.call("Sys.GetInfo", null);
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) c.call("Sys.GetInfo", null);
            double s = (System.nanoTime() - start) / 1e9;
            return String.format("| Sys.GetInfo round trips, %s (%d calls after %d warm-up) | %.0f /s (%.3f ms each) | - |",
                    name, CALLS, WARMUP, CALLS / s, s * 1000 / CALLS);
        }
    }
}
