package dev.sesh.shell;

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
                .filter(n -> distance(t, n.toLowerCase()) <= 2 || (t.length() >= 2 && n.toLowerCase().startsWith(t)))
                .sorted(Comparator.comparingInt((String n) -> distance(t, n.toLowerCase())).thenComparing(n -> n))
                .limit(3)
                .toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev; prev = cur; cur = tmp;
        }
        return prev[b.length()];
    }
}
