package dev.sesh.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sesh.plan.AuditEntry;
import dev.sesh.plan.FrameAuditEntry;
import dev.sesh.plan.AuditLog;
import dev.sesh.plan.Outcome;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The audit log, {@code $SESH_HOME/audit.log}: one JSON object per line, appended for every gate
 * decision: {@code time} (ISO-8601 UTC), {@code port}, {@code board}, {@code chip} and
 * {@code serial} when known, {@code plan} ({@code title}, {@code reversibility}, {@code lines},
 * {@code phrase} if irreversible), {@code answer} (approved, declined, auto-approved,
 * refused-no-tty), {@code result} (ok, failed, not-run) and {@code error} when failed. It holds only
 * what plans hold, so no secret bytes; the file is created 0600. A write that fails is reported to {@code warnings}, never thrown:
 * a change that already happened must not be reported as failed because its record could not be kept.
 */
public final class JsonLinesAuditLog implements AuditLog {
    /** Made on the first entry: Jackson's first mapper costs a noticeable part of a start (issue 21). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private final Path file;
    private final Consumer<String> warnings;

    public JsonLinesAuditLog(Path file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** {@code SESH_HOME} from {@code env}, else {@code userHome/.sesh} (design.md 5.13). */
    public static Path seshHome(Map<String, String> env, Path userHome) {
        String home = env.get("SESH_HOME");
        return home == null || home.isBlank() ? userHome.resolve(".sesh") : Path.of(home);
    }

    /** The log at {@code seshHome/audit.log}. */
    public static JsonLinesAuditLog inHome(Path seshHome, Consumer<String> warnings) {
        return new JsonLinesAuditLog(seshHome.resolve("audit.log"), warnings);
    }

    public Path file() { return file; }

    @Override public void append(AuditEntry entry) {
        try {
            write(line(entry));
        } catch (JsonProcessingException e) {
            warnings.accept("warning: could not write the audit log " + file + ": " + e.getMessage());
        }
    }

    /** The link guard's line for a change frame it sent or refused (design.md 5.9). */
    @Override public void appendFrame(FrameAuditEntry entry) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("time", entry.time().toString());
        o.put("port", entry.port());
        if (!entry.planId().isEmpty()) o.put("plan_id", entry.planId());
        o.put("frame", entry.summary());
        ArrayNode actions = o.putArray("actions");
        entry.actions().forEach(a -> actions.add(a.describe()));
        o.put("sent", entry.sent());
        try {
            write(Json.MAPPER.writeValueAsString(o));
        } catch (JsonProcessingException e) {
            warnings.accept("warning: could not write the audit log " + file + ": " + e.getMessage());
        }
    }

    private synchronized void write(String json) {
        try {
            String line = json + "\n";
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            PrivateFiles.file(file);
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            warnings.accept("warning: could not write the audit log " + file + ": " + e.getMessage());
        }
    }

    /** The JSON text of one entry, without the newline. */
    static String line(AuditEntry entry) throws JsonProcessingException {
        Plan plan = entry.plan();
        Target target = plan.target();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("time", entry.time().toString());
        if (!entry.planId().isEmpty()) o.put("plan_id", entry.planId());
        o.put("port", target.port());
        o.put("board", target.boardId());
        if (!target.chip().isEmpty()) o.put("chip", target.chip());
        if (target.hasSerial()) o.put("serial", target.serial().hex());
        ObjectNode p = o.putObject("plan");
        p.put("title", plan.title());
        p.put("reversibility", plan.reversibility().word());
        ArrayNode lines = p.putArray("lines");
        plan.lines().forEach(lines::add);
        if (plan.needsPhrase()) p.put("phrase", plan.phrase());
        o.put("answer", entry.answer().word());
        Outcome outcome = entry.outcome();
        o.put("result", outcome.word());
        if (outcome instanceof Outcome.Failed failed) o.put("error", failed.message());
        return Json.MAPPER.writeValueAsString(o);
    }
}
