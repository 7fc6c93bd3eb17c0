package dev.sesh.shell.command.fs;

import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "mv", description = "Rename a board file (FS.Rename); an existing target is replaced",
        footer = {"", "Examples:", "  fs mv ecc.crt.pem aws.crt.pem"})
public final class FsMv implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "FROM", completionCandidates = FsFileCandidates.class) String from;
    @Parameters(index = "1", paramLabel = "TO", completionCandidates = FsFileCandidates.class) String to;

    public FsMv(Session session) { this.session = session; }

    @Override public Integer call() {
        session.board().fs().rename(from, to);
        session.err().println("renamed " + from + " to " + to);
        session.err().flush();
        return 0;
    }
}
