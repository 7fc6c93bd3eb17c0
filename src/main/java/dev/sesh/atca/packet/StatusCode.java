package dev.sesh.atca.packet;

import java.util.Optional;

/**
 * The status byte of a 4-byte chip answer (reference/atecc.md 1.7), with the code cryptoauthlib
 * (so the Mongoose OS {@code ATCA.*} service) reports for it, printed there as {@code 0x%02x}.
 */
public enum StatusCode {
    SUCCESS(0x00, 0x00, "success"),
    MISCOMPARE(0x01, 0xD1, "CheckMac or Verify miscompare"),
    PARSE_ERROR(0x03, 0xD2, "parse error: illegal opcode, length or parameter"),
    ECC_FAULT(0x05, 0xD6, "ECC fault: computation gave an invalid result, retry"),
    SELF_TEST_ERROR(0x07, 0xD7, "self-test error: chip in failure mode"),
    HEALTH_TEST_ERROR(0x08, 0xFA, "RNG health test error"),
    EXECUTION_ERROR(0x0F, 0xF4, "execution error: not allowed in the current state or by slot policy"),
    AFTER_WAKE(0x11, 0xF3, "woken, no command yet"),
    WATCHDOG_ABOUT_TO_EXPIRE(0xEE, 0xE1, "watchdog about to expire: idle or sleep, then retry"),
    COMM_ERROR(0xFF, 0xD4, "CRC or communication error: resend");

    /**
     * What to check when the chip answers its wake status to a command (it ran nothing): the
     * command went to another address, or the chip reset between the wake and the command.
     */
    public static final String NOT_EXECUTED_HINT = "check the wiring (SDA, SCL, pull-ups, power) and the chip's address "
            + "(i2c scan; sys.atca.i2c_addr): a command sent to another address, or a chip that reset after its wake, answers this way";

    private final int code;
    private final int hostCode;
    private final String meaning;

    StatusCode(int code, int hostCode, String meaning) {
        this.code = code;
        this.hostCode = hostCode;
        this.meaning = meaning;
    }

    /** The byte the chip sends. */
    public int code() { return code; }

    /** cryptoauthlib's ATCA_STATUS for it (0xEE is unhandled there and surfaces as 0xE1). */
    public int hostCode() { return hostCode; }

    public String meaning() { return meaning; }

    public static Optional<StatusCode> of(int code) {
        for (StatusCode s : values()) if (s.code == (code & 0xff)) return Optional.of(s);
        return Optional.empty();
    }
}
