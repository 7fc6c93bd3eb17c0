package dev.sesh.shell.command;

import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "log", description = "Show recent device log lines, or follow them until Ctrl-C",
        footer = {"", "Examples:", "  log              the last 20 lines", "  log -n 200", "  log --follow     stream new lines until Ctrl-C or the link closes",
                "  log --json"})
public final class LogCommand implements Callable<Integer> {
    /** How often a quiet follow checks that the link is still there. */
    private static final long LINK_CHECK_MS = 200;
    private final Session session;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "20", description = "how many recent lines (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "after the recent lines, print new ones as they arrive until Ctrl-C")
    boolean follow;

    @Option(names = "--json", description = "print a JSON array of the recent lines")
    boolean json;

    public LogCommand(Session session) { this.session = session; }

    @Override public Integer call() throws Exception {
        if (follow && json) throw dev.sesh.SeshException.badArg("--follow and --json do not go together", "use log --json for the recent lines");
        // A one-shot run connects here: its lines are the ones since this connect.
        java.util.Optional<dev.sesh.device.Board> board = session.runBoard();
        List<String> recent = session.deviceLog().last(lines);
        if (json || (session.jsonByDefault() && !follow)) {
            session.out().print(JsonOut.of(recent));
            session.out().flush();
            return 0;
        }
        recent.forEach(session.out()::println);
        session.out().flush();
        if (!follow) return 0;
        BlockingQueue<String> q = session.deviceLog().follow();
        try (AutoCloseable quiet = session.divertDeviceLog(line -> { })) {
            while (true) {
                String line;
                try {
                    line = q.poll(LINK_CHECK_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return 0;                   // Ctrl-C ends following; that is the normal way out
                }
                if (line == null) {
                    if (board.isPresent() && !board.get().isOpen()) {
                        session.err().println("log: the link to " + board.get().portText() + " closed");
                        session.err().flush();
                        return 0;
                    }
                    continue;
                }
                session.out().println(line);
                session.out().flush();
            }
        } finally {
            session.deviceLog().unfollow(q);
        }
    }
}
