package dev.sesh.bench;

import dev.sesh.bytes.Clock;
import dev.sesh.device.Board;
import dev.sesh.device.TransferProgress;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import dev.sesh.sim.fs.FlashTiming;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.function.Supplier;

/**
 * {@code fs put} and {@code fs get} of 64 KiB against the simulated board at 115200 baud (its
 * line-rate and flash models, real clock), next to the floor: the base64 payload's time on the wire
 * plus, for the put, the modelled flash time of sesh's chunks (docs/simulator.md). Run by
 * scripts/bench-fs; prints markdown table rows.
 */
public final class FsBench {
    private static final int SIZE = 65536;
    private static final int BAUD = 115200;
    private static final int CHUNK = 2880;          // FsTransfer.PUT_CHUNK on a UART

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        byte[] data = new byte[SIZE];
        new Random(1).nextBytes(data);
        double wire = Base64.getEncoder().encode(data).length * 10.0 / BAUD;
        double flash = flashSeconds();
        double[] put = new double[runs];
        double[] get = new double[runs];
        for (int r = 0; r < runs; r++) {
            try (Board board = open()) {
                long s = System.nanoTime();
                board.fs().put("bench.bin", data, false);
                put[r] = (System.nanoTime() - s) / 1e9;
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                s = System.nanoTime();
                board.fs().get("bench.bin", back, TransferProgress.NONE);
                get[r] = (System.nanoTime() - s) / 1e9;
                if (!Arrays.equals(data, back.toByteArray())) throw new IllegalStateException("read-back differs");
            }
        }
        System.out.println(row("fs put", put, wire + flash, String.format("%.2f s base64 + %.2f s modelled flash", wire, flash)));
        System.out.println(row("fs get", get, wire, String.format("%.2f s base64", wire)));
    }

    private static String row(String what, double[] runs, double floor, String floorText) {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        StringBuilder all = new StringBuilder();
        for (double d : runs) all.append(String.format(" %.2f", d));
        return String.format("| `%s` 64 KiB at %d baud, median of %d | %.2f s (all:%s) | %.2f s (%s) | %.2fx | <= 1.1x |",
                what, BAUD, runs.length, median, all, floor, floorText, median / floor);
    }

    /** Flash time of 64 KiB written in sesh's chunks on a fresh board (every chunk its own write call). */
    private static double flashSeconds() {
        long nanos = 0;
        long written = 0;
        for (int off = 0; off < SIZE; off += CHUNK) {
            int n = Math.min(CHUNK, SIZE - off);
            nanos += FlashTiming.DEFAULT.cost(written, n);
            written += n;
        }
        return nanos / 1e9;
    }

    private static Board open() {
        Clock clock = Clock.system();
        SimBoard sim = SimFirmware.open(SimOptions.from((PortSpec.Sim) PortSpec.parse("sim:?baud=" + BAUD, 0)), clock);
        InProcessTransport.Pair pair = InProcessTransport.pair();
        sim.attach(pair.device());
        ChangeGate approve = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
        };
        Board b = new Board(new RpcClient(pair.host(), RpcOptions.defaults()), "sim:?baud=" + BAUD, "sim", approve, clock);
        b.info();
        return b;
    }
}
