package dev.sesh.atca;

import java.nio.file.Path;
import java.util.List;

/**
 * A twin written by {@code twin DIR} or {@code atca.twin(dir)} (issue 23): its folder, the slots
 * that hold fresh random values instead of the board's (they could not be read), and the lines
 * telling the user what was written and how to open it.
 */
public record TwinMade(Path dir, List<Integer> randomSlots, List<String> lines) {
    public TwinMade {
        randomSlots = List.copyOf(randomSlots);
        lines = List.copyOf(lines);
    }

    /** True if {@code dir} exists and holds anything (a twin replaces it only when the user agrees). */
    public static boolean occupied(Path dir) { return dev.sesh.twin.TwinFolder.hasContent(dir); }

    @Override public String toString() { return String.join("\n", lines); }
}
