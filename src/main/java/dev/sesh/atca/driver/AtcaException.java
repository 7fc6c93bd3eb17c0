package dev.sesh.atca.driver;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.StatusCode;

import java.util.Optional;

/**
 * A chip command that did not succeed: either the chip answered a non-zero status, or the I2C
 * exchange failed after the driver's retries. {@link #hostStatus()} is cryptoauthlib's code for
 * it, the {@code 0xS} the firmware's ATCA.* service prints (reference/mos-rpc.md 4.6).
 */
public final class AtcaException extends SeshException {
    /** Wake answer missing or not {@code 04 11 33 43}. */
    public static final int WAKE_FAILED = 0xD0;
    /** Response CRC did not check (or the count byte was impossible). */
    public static final int RX_CRC_ERROR = 0xE5;
    /** The chip never answered the poll. */
    public static final int RX_NO_RESPONSE = 0xE7;
    /** The answer's count byte does not fit the length read. */
    public static final int INVALID_SIZE = 0xE4;
    /** A parameter the host library refuses (e.g. a clear write that is not 4 or 32 bytes). */
    public static final int BAD_PARAM = 0xE2;
    /** An opcode the chip variant lacks (AES on a 508A). */
    public static final int BAD_OPCODE = 0xF2;
    /** The command write was NACKed. */
    public static final int TX_FAIL = 0xF7;

    private final int hostStatus;
    private final StatusCode chipStatus;

    private AtcaException(String message, String hint, int hostStatus, StatusCode chipStatus) {
        super(message, hint, FAILED);
        this.hostStatus = hostStatus;
        this.chipStatus = chipStatus;
    }

    /** The chip answered {@code status} (non-zero) to {@code command}. */
    public static AtcaException chip(String command, StatusCode status) {
        if (status == StatusCode.AFTER_WAKE) {
            return new AtcaException("the chip did not execute " + command + ": it answered its wake status 04 11 33 43 (awake, no command run)",
                    StatusCode.NOT_EXECUTED_HINT, status.hostCode(), status);
        }
        return new AtcaException(String.format("chip answered 0x%02x to %s: %s", status.code(), command, status.meaning()),
                "check the zone locks and the slot's configuration (atca config show)", status.hostCode(), status);
    }

    /** The chip answered a status byte that has no meaning (cryptoauthlib: 0xD5, unknown status). */
    public static AtcaException unknownStatus(String command, int status) {
        return new AtcaException(String.format("chip answered unknown status 0x%02x to %s", status & 0xff, command),
                "the chip may be damaged or not an ATECC508A/608A", 0xD5, null);
    }

    /** Refused on the host before anything was sent (cryptoauthlib: 0xE2 bad param, 0xF2 bad opcode). */
    public static AtcaException refused(String command, int hostStatus, String what) {
        return new AtcaException(String.format("%s: %s (0x%02x)", command, what, hostStatus),
                "nothing was sent to the chip", hostStatus, null);
    }

    /** The exchange failed; {@code hostStatus} is one of the constants above. */
    public static AtcaException comm(String command, int hostStatus, String what) {
        return new AtcaException(String.format("%s: %s (0x%02x)", command, what, hostStatus),
                "check that the chip is on the bus (i2c scan shows 60) and i2c.enable is true", hostStatus, null);
    }

    public int hostStatus() { return hostStatus; }

    /** The status byte the chip sent, if it sent one. */
    public Optional<StatusCode> chipStatus() { return Optional.ofNullable(chipStatus); }
}
