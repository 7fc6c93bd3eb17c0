package dev.sesh.cli;

import dev.sesh.bytes.Clock;
import dev.sesh.plan.ChangeGate;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.shell.ErrorReporter;
import dev.sesh.shell.SeshSystemRegistry;
import dev.sesh.shell.Session;
import dev.sesh.shell.complete.CommandCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * How long Tab takes on a slow board (a simulated one at 9600 baud, real clock): the completer
 * answers from caches, so a Tab costs microseconds while the board needs a second or more to
 * answer the request that fills the cache. Run by scripts/bench; prints markdown table rows.
 */
public final class CompletionBench {
    private static final int TABS = 2000;

    public static void main(String[] args) throws Exception {
        ChangeGate approveAll = new ChangeGate() {
            @Override public <T> T apply(dev.sesh.plan.Plan plan, java.util.function.Supplier<T> action) { return action.get(); }
        };
        CliBoardConnector connector = new CliBoardConnector(new SimPorts(Clock.system()).transportFactory(), List::of,
                RpcOptions.defaults(), approveAll, Clock.system(), 9600, null);
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        try (Session session = new Session(connector, nowhere, nowhere, new ErrorReporter(false), false)) {
            session.adopt(connector.open("sim:?baud=9600"));
            SeshSystemRegistry registry = new SeshSystemRegistry(session);
            CommandCompleter completer = new CommandCompleter(registry.commandLine());
            DefaultParser parser = new DefaultParser();
            LineReader reader = LineReaderBuilder.builder().parser(parser).build();
            Tab tab = line -> {
                List<Candidate> out = new ArrayList<>();
                completer.complete(reader, parser.parse(line, line.length(), Parser.ParseContext.COMPLETE), out);
                return out;
            };
            System.out.println(row("`call Sys.` (RPC names, first Tab starts the load)", tab, "call Sys.", c -> !c.isEmpty()));
            System.out.println(row("`fs cat ` (device files)", tab, "fs cat ", c -> !c.isEmpty()));
            System.out.println(row("`atca read ` (slots with descriptions from the config zone)", tab, "atca read ",
                    c -> c.stream().anyMatch(x -> x.descr() != null && x.descr().contains(","))));
            long s = System.nanoTime();
            int methods = session.board().methods().size();
            double blocking = (System.nanoTime() - s) / 1e6;
            System.out.printf("| RPC.List on sim:?baud=9600 (%d methods): what a completer that asked the board would wait | %.0f ms | - |%n", methods, blocking);
        }
    }

    interface Tab {
        List<Candidate> complete(String line);
    }

    /** First Tab's latency, time until the background load shows, then the spread of later Tabs. */
    private static String row(String what, Tab tab, String line, Predicate<List<Candidate>> ready) throws Exception {
        long t0 = System.nanoTime();
        tab.complete(line);
        double first = (System.nanoTime() - t0) / 1e3;
        long start = System.nanoTime();
        while (!ready.test(tab.complete(line))) {
            if (System.nanoTime() - start > 60_000_000_000L) return "| " + what + " | never filled within 60 s | - |";
            Thread.sleep(5);
        }
        double filled = (System.nanoTime() - start) / 1e6;
        long[] each = new long[TABS];
        for (int i = 0; i < TABS; i++) {
            long a = System.nanoTime();
            tab.complete(line);
            each[i] = System.nanoTime() - a;
        }
        Arrays.sort(each);
        return String.format("| Tab on %s, sim:?baud=9600 | first (cold JVM) %.0f µs; filled after %.0f ms in the background; then median %.0f µs, p99 %.0f µs, max %.0f µs (%d Tabs) | never blocks on the board |",
                what, first, filled, each[TABS / 2] / 1e3, each[TABS * 99 / 100] / 1e3, each[TABS - 1] / 1e3, TABS);
    }
}
