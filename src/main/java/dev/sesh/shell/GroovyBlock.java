package dev.sesh.shell;

/**
 * The console's editor-like block: a line {@code groovy} alone opens it, every following line is
 * Groovy, and a lone {@code .} closes it. The whole block reaches the engine as one entry.
 */
final class GroovyBlock {
    static final String OPEN = "groovy";

    private GroovyBlock() {}

    /** True when the input's first line is {@code groovy} alone (the block may still be open). */
    static boolean opens(String input) {
        int nl = input.indexOf('\n');
        return (nl < 0 ? input : input.substring(0, nl)).strip().equals(OPEN);
    }

    /** True when the input opens a block and its last line is a lone {@code .}. */
    static boolean closed(String input) {
        String t = input.stripTrailing();
        int nl = t.lastIndexOf('\n');
        return opens(input) && nl >= 0 && t.substring(nl + 1).strip().equals(".");
    }

    /** The Groovy between the opening line and the closing dot. */
    static String body(String input) {
        String t = input.stripTrailing();
        return t.substring(t.indexOf('\n') + 1, t.lastIndexOf('\n') + 1);
    }
}
