package dev.sesh.shell.command.fs;

import dev.sesh.shell.Session;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The {@code fs} group: the board's files (FS.*). Alone it lists them, as {@code fs ls}. */
@Command(name = "fs", description = "Board files: ls, cat, get, put, rm, mv, df",
        subcommands = {FsLs.class, FsCat.class, FsGet.class, FsPut.class, FsRm.class, FsMv.class, FsDf.class},
        footer = {"", "Examples:", "  fs ls -l", "  fs put ecc.crt.pem", "  fs get conf9.json", "  fs cat conf9.json"})
public final class FsCommand implements Callable<Integer> {
    private final Session session;

    public FsCommand(Session session) { this.session = session; }

    @Override public Integer call() { return new FsLs(session).call(); }
}
