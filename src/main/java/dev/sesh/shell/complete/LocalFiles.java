package dev.sesh.shell.complete;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A completion source for a local file argument: {@link CommandCompleter} completes paths on the
 * host, offering folders and only the files whose names end with one of {@link #extensions()}
 * (all files when the list is empty). Subclasses name the kinds, e.g. {@link ConfigFiles}.
 */
public abstract class LocalFiles implements Iterable<String> {
    /** Lower-case extensions without the dot. */
    public abstract List<String> extensions();

    /** Whether {@code fileName} is one the argument takes. */
    public boolean accepts(String fileName) {
        if (extensions().isEmpty()) return true;
        String lower = fileName.toLowerCase(Locale.ROOT);
        return extensions().stream().anyMatch(e -> lower.endsWith("." + e));
    }

    /** No fixed values: the completer lists the folder being typed. */
    @Override public Iterator<String> iterator() { return List.<String>of().iterator(); }

    /** Chip config files: mos YAML, JSON or hex text (atca config set). */
    public static final class ConfigFiles extends LocalFiles {
        @Override public List<String> extensions() { return List.of("yaml", "yml", "json", "hex", "txt"); }
    }

    /** Key files: PEM, hex text or raw bytes (atca key set, design.md 5.13). */
    public static final class KeyFiles extends LocalFiles {
        @Override public List<String> extensions() { return List.of("pem", "key", "hex", "bin", "der"); }
    }

    /** Any local file. */
    public static final class AnyFile extends LocalFiles {
        @Override public List<String> extensions() { return List.of(); }
    }

    /** Groovy scripts, and the word {@code stop} ({@code record FILE|stop}). */
    public static final class ScriptFilesOrStop extends LocalFiles {
        @Override public List<String> extensions() { return List.of("groovy"); }

        @Override public Iterator<String> iterator() { return List.of("stop").iterator(); }
    }
}
