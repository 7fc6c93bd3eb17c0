package dev.sesh.atca.config;

/**
 * KeyConfig bits 4-2 (reference/atecc.md 5.3). Every 3-bit code has a constant so that any zone
 * can be represented; only P256, AES and OTHER are meaningful on the 508A/608A.
 */
public enum KeyType {
    B283(0), K283(1), RESERVED_2(2), RESERVED_3(3), P256(4), RESERVED_5(5), AES(6), OTHER(7);

    private final int code;

    KeyType(int code) { this.code = code; }

    public int code() { return code; }

    public static KeyType of(int code) { return values()[code & 7]; }

    /** The spelling mos's YAML uses ("ECC", "AES", "Other"), or null where mos has none. */
    public String mosName() {
        return switch (this) {
            case P256 -> "ECC";
            case AES -> "AES";
            case OTHER -> "Other";
            default -> null;
        };
    }

    /** Short words for tables: "P256", "AES", "data", or "reserved N". */
    public String words() {
        return switch (this) {
            case P256 -> "P256";
            case AES -> "AES";
            case OTHER -> "data";
            default -> "reserved " + code;
        };
    }
}
