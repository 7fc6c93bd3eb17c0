package dev.sesh.shell.command.fs;

import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "rm", description = "Remove a board file (FS.Remove)", footer = {"", "Examples:", "  fs rm old.pem"})
public final class FsRm implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "FILE", completionCandidates = FsFileCandidates.class) String file;

    public FsRm(Session session) { this.session = session; }

    @Override public Integer call() {
        session.board().fs().remove(file);
        session.err().println("removed " + file);
        session.err().flush();
        return 0;
    }
}
