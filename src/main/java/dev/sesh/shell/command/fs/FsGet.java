package dev.sesh.shell.command.fs;

import dev.sesh.device.FsNames;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "get", description = "Copy a board file to this computer (FS.Get); the local file appears only when complete",
        footer = {"", "Examples:", "  fs get conf9.json", "  fs get ca.pem backup/ca.pem"})
public final class FsGet implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "REMOTE", completionCandidates = FsFileCandidates.class) String remote;
    @Parameters(index = "1", arity = "0..1", paramLabel = "LOCAL", description = "local file or folder (default: the remote name here)") Path local;

    public FsGet(Session session) { this.session = session; }

    @Override public Integer call() {
        String name = FsNames.check(remote);
        Path to = local == null ? Path.of(name) : local;
        try (TransferBar bar = new TransferBar(session, name)) {
            Path written = session.board().fs().get(name, to, bar, session.files());
            long size = sizeOf(written);
            bar.close();
            session.err().println(bar.summary("got as " + written, size));
        }
        session.err().flush();
        return 0;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
