package dev.sesh.sim;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.sim.service.SimIdentity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code twin.txt} in a {@code sim:PATH} folder made by {@code twin DIR} (issue 23): a header of
 * {@code key: value} lines naming the original board (its port and id, its firmware's build
 * strings), a blank line, then free text for people (which slots hold random values instead of
 * the board's secrets). A folder with this file opens as a board that says in Sys.GetInfo that it
 * is a twin, with the original's identity.
 */
public record TwinFile(String twinOf, String app, String fwVersion, String fwId, String mgVersion, String mgId, String arch, List<String> notes) {
    public static final String NAME = "twin.txt";
    private static final List<String> KEYS = List.of("twin-of", "app", "fw-version", "fw-id", "mg-version", "mg-id", "arch");

    public TwinFile {
        for (String v : List.of(twinOf, app, fwVersion, fwId, mgVersion, mgId, arch)) {
            if (v.contains("\n")) throw new IllegalArgumentException("twin.txt values are single lines");
        }
        notes = List.copyOf(notes);
    }

    /** The identity of the twin's board: the original's build strings and {@code mac}, marked as a twin. */
    public SimIdentity identity(Bytes mac) { return new SimIdentity(app, fwVersion, fwId, mgVersion, mgId, arch, mac, twinOf); }

    /** Writes the file into {@code dir}. */
    public void write(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> values = List.of(twinOf, app, fwVersion, fwId, mgVersion, mgId, arch);
        for (int i = 0; i < KEYS.size(); i++) sb.append(KEYS.get(i)).append(": ").append(values.get(i)).append('\n');
        sb.append('\n');
        for (String n : notes) sb.append(n).append('\n');
        Files.writeString(dir.resolve(NAME), sb.toString());
    }

    /** The twin.txt of folder {@code dir}; empty when the folder is no twin. */
    public static Optional<TwinFile> read(Path dir) {
        Path f = dir.resolve(NAME);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            Map<String, String> head = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            boolean body = false;
            for (String line : Files.readAllLines(f)) {
                if (body) notes.add(line);
                else if (line.isBlank()) body = true;
                else {
                    int colon = line.indexOf(": ");
                    if (colon > 0) head.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            for (String k : KEYS) {
                if (!head.containsKey(k)) throw new IOException("no '" + k + ":' line");
            }
            return Optional.of(new TwinFile(head.get("twin-of"), head.get("app"), head.get("fw-version"), head.get("fw-id"),
                    head.get("mg-version"), head.get("mg-id"), head.get("arch"), notes));
        } catch (IOException e) {
            throw SeshException.failed("cannot read " + f + ": " + e.getMessage(), "make the twin again with twin DIR, or remove " + NAME);
        }
    }
}
