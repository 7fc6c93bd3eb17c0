package dev.sesh.shell.command;

import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "reboot", description = "Reboot the board (Sys.Reboot) and wait until it answers again",
        footer = {"", "Examples:", "  reboot", "  reboot --delay 500"})
public final class RebootCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "100", description = "delay before the reboot in ms (default ${DEFAULT-VALUE})")
    int delayMs;

    @Option(names = "--no-wait", description = "do not wait for the board to come back")
    boolean noWait;

    public RebootCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        Duration back = session.board().reboot(delayMs, !noWait);
        if (!noWait) session.err().printf("board back after %.1f s%n", back.toMillis() / 1000.0);
        else session.err().println("reboot requested");
        session.err().flush();
        return 0;
    }
}
