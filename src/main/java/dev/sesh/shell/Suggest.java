package dev.sesh.shell;

import dev.sesh.device.EditDistance;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean ..." for mistyped command names: edit distance, best first. */
public final class Suggest {
    private Suggest() {}

    /** Names within distance 2 (or sharing the typed prefix), closest first, at most three. */
    public static List<String> closest(String typed, Collection<String> names) {
        String t = typed.toLowerCase();
        return names.stream()
                .filter(n -> EditDistance.of(t, n.toLowerCase()) <= 2 || (t.length() >= 2 && n.toLowerCase().startsWith(t)))
                .sorted(Comparator.comparingInt((String n) -> EditDistance.of(t, n.toLowerCase())).thenComparing(n -> n))
                .limit(3)
                .toList();
    }
}
