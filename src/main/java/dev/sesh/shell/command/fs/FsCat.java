package dev.sesh.shell.command.fs;

import dev.sesh.SeshException;
import dev.sesh.device.TransferProgress;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Callable;

@Command(name = "cat", description = "Print a board file to stdout, byte for byte (FS.Get)",
        footer = {"", "Examples:", "  fs cat conf9.json", "  sesh --port sim: fs cat ca.pem > ca.pem"})
public final class FsCat implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "FILE", completionCandidates = FsFileCandidates.class) String file;

    public FsCat(Session session) { this.session = session; }

    @Override public Integer call() {
        OutputStream out = session.binaryOut();
        session.board().fs().get(file, out, TransferProgress.NONE);
        try {
            out.flush();
        } catch (IOException e) {
            throw SeshException.failed("cannot write to stdout: " + e.getMessage(), "check the output pipe");
        }
        return 0;
    }
}
