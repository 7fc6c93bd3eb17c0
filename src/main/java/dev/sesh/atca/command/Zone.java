package dev.sesh.atca.command;

/** The zone field of Read/Write/GenDig param1 bits 1-0 (reference/atecc.md 3.3). */
public enum Zone {
    CONFIG(0), OTP(1), DATA(2);

    private final int code;

    Zone(int code) { this.code = code; }

    public int code() { return code; }

    static Zone of(int bits) {
        return switch (bits & 3) {
            case 0 -> CONFIG;
            case 1 -> OTP;
            case 2 -> DATA;
            default -> throw new CommandParseException("zone 3 does not exist");
        };
    }
}
