package dev.sesh.atca.config;

/**
 * How the Write command reads SlotConfig.WriteConfig (reference/atecc.md 5.2): 0 Always,
 * 1 PubInvalid, 2-3 and 8-11 Never, 4-7 and 12-15 Encrypt. GenKey (bit 1), PrivWrite (bit 2) and
 * DeriveKey read the same four bits differently; see {@link SlotConfig}.
 */
public enum WritePolicy {
    ALWAYS("Always"), PUB_INVALID("PubInvalid"), NEVER("Never"), ENCRYPT("Encrypt");

    private final String label;

    WritePolicy(String label) { this.label = label; }

    public static WritePolicy of(int writeConfig) {
        int v = writeConfig & 15;
        if ((v & 4) != 0) return ENCRYPT;
        if (v == 0) return ALWAYS;
        if (v == 1) return PUB_INVALID;
        return NEVER;
    }

    /** The data sheet's name: "Always", "PubInvalid", "Never", "Encrypt". */
    public String label() { return label; }

    /**
     * A WriteConfig value as sesh prints it in diffs: "Always" and "PubInvalid" (one value each),
     * otherwise the name with the value, e.g. "Encrypt(6)", "Never(8)".
     */
    public static String describe(int writeConfig) {
        WritePolicy p = of(writeConfig);
        return p == ALWAYS || p == PUB_INVALID ? p.label : p.label + "(" + (writeConfig & 15) + ")";
    }
}
