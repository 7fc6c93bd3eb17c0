package dev.sesh.shell.format;

import java.util.Map;

/**
 * Colours for human output, on only when writing to a terminal and {@code NO_COLOR} is not set
 * (no-color.org: set and non-empty). Built from those two facts, so tests and pipes get plain text.
 */
public final class Style {
    private static final String RESET = "\u001b[0m";
    private final boolean colors;

    public Style(boolean terminal, boolean noColor) { this.colors = terminal && !noColor; }

    /** Reads {@code NO_COLOR} from {@code env}. */
    public static Style of(boolean terminal, Map<String, String> env) {
        String v = env.get("NO_COLOR");
        return new Style(terminal, v != null && !v.isEmpty());
    }

    /** No colours at all. */
    public static Style plain() { return new Style(false, true); }

    public boolean colors() { return colors; }

    public String bold(String s) { return sgr("1", s); }

    public String dim(String s) { return sgr("2", s); }

    public String red(String s) { return sgr("31", s); }

    public String green(String s) { return sgr("32", s); }

    public String yellow(String s) { return sgr("33", s); }

    /** Bold red: for what cannot be undone. */
    public String danger(String s) { return sgr("1;31", s); }

    private String sgr(String code, String s) {
        return colors && !s.isEmpty() ? "\u001b[" + code + "m" + s + RESET : s;
    }
}
