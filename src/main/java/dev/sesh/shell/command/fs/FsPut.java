package dev.sesh.shell.command.fs;

import dev.sesh.device.DeviceFs;
import dev.sesh.device.FsNames;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "put", description = "Copy a local file to the board (FS.Put); it replaces the target only when complete",
        footer = {"", "Examples:", "  fs put ecc.crt.pem", "  fs put build/ca.pem ca.pem --verify"})
public final class FsPut implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "LOCAL") Path local;
    @Parameters(index = "1", arity = "0..1", paramLabel = "REMOTE", completionCandidates = FsFileCandidates.class,
            description = "name on the board (default: the local file's name)") String remote;
    @Option(names = "--verify", description = "read the file back and compare before it replaces the target") boolean verify;

    public FsPut(Session session) { this.session = session; }

    @Override public Integer call() {
        String base = local.getFileName() == null ? local.toString() : local.getFileName().toString();
        // "/" (or nothing) names the board's one directory: the file keeps its local name there, as with mos put.
        String name = remote == null || FsNames.strip(remote).isEmpty() ? base : remote;
        DeviceFs.PutResult r;
        try (TransferBar bar = new TransferBar(session, name)) {
            r = session.board().fs().put(local, name, verify, bar);
            bar.close();
            session.err().println(bar.summary("put" + (r.verified() ? " and verified" : ""), r.size()));
        }
        if (!r.leftoversRemoved().isEmpty()) session.err().println("removed leftover(s): " + String.join(", ", r.leftoversRemoved()));
        session.err().flush();
        return 0;
    }
}
