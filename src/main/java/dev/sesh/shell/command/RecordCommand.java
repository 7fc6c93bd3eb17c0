package dev.sesh.shell.command;

import dev.sesh.SeshException;
import dev.sesh.shell.Session;
import dev.sesh.shell.SessionRecorder;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "record", description = "Record what you do at the console as a Groovy script that sesh run replays; record stop ends it",
        footer = {"", "Commands are written as the Groovy calls that do the same (atca key set 0 k.pem -> x509.importKey(atca, 0, 'k.pem')),",
                "Groovy lines as typed. Answers to confirm prompts are not recorded: the replay asks again.",
                "Secrets appear only as the names of their files; a line that holds a secret is left out with a note.",
                "Lines that failed or were declined are kept as comments. An existing FILE is replaced only if you say so.", "",
                "Examples:", "  record provision.groovy", "  atca config set atca-aws-test.yaml", "  record stop",
                "  sesh --port /dev/ttyUSB0 run provision.groovy     replay it on another board", "  record          (says whether a recording runs)"})
public final class RecordCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(arity = "0..1", paramLabel = "FILE|stop", completionCandidates = dev.sesh.shell.complete.LocalFiles.ScriptFilesOrStop.class, description = "the script file to record into, or stop")
    String target;

    @Option(names = "--json", description = "print the recording's state as JSON")
    boolean json;

    public RecordCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        Optional<SessionRecorder> now = session.recording();
        if ("stop".equals(target)) {
            SessionRecorder r = now.orElseThrow(() -> SeshException.badArg("no recording to stop", "record FILE starts one"));
            session.stopRecording();
            session.err().println("recorded " + r.recorded() + " line" + (r.recorded() == 1 ? "" : "s") + " to " + r.file()
                    + "; replay with: sesh --port PORT run " + r.file());
        } else if (target != null) {
            if (now.isPresent()) {
                throw SeshException.badArg("already recording to " + now.get().file(), "record stop first");
            }
            Path file = Path.of(target);
            if (!target.endsWith(".groovy")) throw SeshException.badArg(target + " does not end in .groovy", "record " + target + ".groovy (sesh FILE.groovy runs it)");
            session.files().mayReplace(file);
            SessionRecorder r = session.startRecording(file);
            session.err().println("recording to " + r.file() + "; record stop ends it");
        }
        Optional<SessionRecorder> after = session.recording();
        if (json || session.jsonByDefault()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recording", after.isPresent());
            m.put("file", after.map(r -> r.file().toString()).orElse(null));
            m.put("lines", after.map(SessionRecorder::recorded).orElse(0));
            session.out().print(JsonOut.of(m));
        } else if (target == null) {
            session.err().println(after.map(r -> "recording to " + r.file() + " (" + r.recorded() + " lines so far)").orElse("not recording"));
        }
        session.out().flush();
        session.err().flush();
        return 0;
    }
}
