package dev.sesh.shell.command.fs;

import dev.sesh.device.DeviceFs;
import dev.sesh.device.FileEntry;
import dev.sesh.device.FsNames;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ls", description = "List the board's files (FS.List; -l adds sizes with FS.ListExt)",
        footer = {"", "Examples:", "  fs ls", "  fs ls -l", "  fs ls --json"})
public final class FsLs implements Callable<Integer> {
    private final Session session;
    @Option(names = "-l", description = "show sizes") boolean longFormat;
    @Option(names = "--json", description = "print a JSON array") boolean json;
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = "/", description = "directory (default /; the board's filesystem is flat)")
    String path;

    public FsLs(Session session) {
        this.session = session;
        this.path = "/";
    }

    @Override public Integer call() {
        DeviceFs fs = session.board().fs();
        boolean asJson = json || session.jsonByDefault();
        if (longFormat) {
            List<FileEntry> files = fs.listLong(path);
            if (asJson) {
                session.out().print(JsonOut.of(files));
            } else {
                Table t = Table.of("name", "size").alignRight(1);
                files.forEach(f -> t.row(f.name(), f.size()));
                session.out().print(t.render());
            }
            noteLeftovers(files.stream().map(FileEntry::name).toList());
        } else {
            List<String> names = fs.list(path);
            if (asJson) session.out().print(JsonOut.of(names));
            else names.forEach(session.out()::println);
            noteLeftovers(names);
        }
        session.out().flush();
        return 0;
    }

    private void noteLeftovers(List<String> names) {
        List<String> left = names.stream().filter(FsNames::isTemp).toList();
        if (left.isEmpty()) return;
        session.err().println("note: " + String.join(", ", left) + (left.size() == 1 ? " is" : " are")
                + " left from an interrupted put; the next fs put removes " + (left.size() == 1 ? "it" : "them"));
        session.err().flush();
    }
}
