package dev.sesh.shell.command;

import dev.sesh.atca.TwinMade;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "twin", description = "Copy this board into a simulated board folder (a twin) to try changes on first",
        footer = {"", "Reads the board (nothing is changed): its files and saved config, the chip's variant,",
                "config zone, locks, OTP and the slots it lets be read. Slots that cannot be read",
                "(secrets, private keys) get fresh random values; DIR/twin.txt lists them. Open the",
                "twin with sesh --port sim:DIR: it has the board's serial and id, and says TWIN in",
                "info and in the prompt. A folder that holds anything is replaced only if you agree.",
                "", "Examples:", "  twin ./twins/board1", "  twin ./twins/board1 --json", "  sesh --port /dev/ttyUSB0 twin ./twins/board1"})
public final class TwinCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder for the twin (new or empty)")
    Path dir;

    @Option(names = "--json", description = "print a JSON object: the folder, the slots filled with random values, the notes") boolean json;

    public TwinCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        boolean replace = TwinMade.occupied(dir) && Files.isDirectory(dir);
        if (replace) session.files().mayReplaceFolder(dir);
        TwinMade made = session.atca().twin(dir, replace);
        if (json || session.jsonByDefault()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("dir", made.dir().toString());
            o.put("random_slots", made.randomSlots());
            o.put("notes", made.lines());
            session.out().print(JsonOut.of(o));
        } else {
            for (String line : made.lines()) session.err().println(line);
            session.out().println(made.dir());
        }
        session.out().flush();
        session.err().flush();
        return 0;
    }
}
