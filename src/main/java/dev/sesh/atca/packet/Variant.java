package dev.sesh.atca.packet;

/**
 * The chip variant. Decides which opcodes exist (reference/atecc.md 3.1), the execution-time
 * table, and the Info revision word (section 3.3 Info: 508A {@code 00 00 50 00}, 608A
 * {@code 00 00 60 02}).
 */
public enum Variant {
    ATECC508A(0x5000),
    ATECC608A(0x6002);

    private final int revision;

    Variant(int revision) { this.revision = revision; }

    /** The Info mode 0 answer as a big-endian 32-bit value (bytes {@code 00 00 50 00} -> 0x5000). */
    public int revision() { return revision; }

    public boolean is608() { return this == ATECC608A; }

    /** Parses "508a"/"608a" (any case, optional "atecc" prefix) as used by {@code sim:?chip=}. */
    public static Variant parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("atecc")) t = t.substring(5);
        return switch (t) {
            case "508", "508a" -> ATECC508A;
            case "608", "608a" -> ATECC608A;
            default -> throw new IllegalArgumentException("unknown chip variant '" + s + "' (508a or 608a)");
        };
    }
}
