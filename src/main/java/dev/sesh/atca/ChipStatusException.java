package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.StatusCode;

import java.util.OptionalInt;

/**
 * The chip refused an operation with a status byte (reference/atecc.md 1.7), said in plain words:
 * {@code slot 0 refused the write (chip status 0x0F, execution error)} with a hint that names the
 * reason found in the slot's configuration and what to do (ux-examples "When the chip says no, say
 * why"). Exit code 1. Carries no data bytes.
 */
public final class ChipStatusException extends SeshException {
    private final ChipOp op;
    private final int slot;
    private final StatusCode status;

    /** {@code slot} is -1 when the operation is not about one slot. */
    public ChipStatusException(ChipOp op, int slot, StatusCode status, String hint) {
        super(message(op, slot, status), hint, FAILED);
        this.op = op;
        this.slot = slot;
        this.status = status;
    }

    public ChipOp op() { return op; }

    /** The slot the operation was about, if any. */
    public OptionalInt slot() { return slot < 0 ? OptionalInt.empty() : OptionalInt.of(slot); }

    /** The status byte the chip answered. */
    public StatusCode status() { return status; }

    private static String message(ChipOp op, int slot, StatusCode status) {
        if (status == StatusCode.AFTER_WAKE) {
            return "the chip did not execute " + op.noun() + ": it answered its wake status 04 11 33 43 (chip status 0x11, awake, no command run)";
        }
        String who = slot >= 0 ? "slot " + slot : "the chip";
        return String.format("%s refused %s (chip status 0x%02X, %s)", who, op.noun(), status.code(), shortMeaning(status));
    }

    /** The status's meaning up to its first colon: "execution error". */
    static String shortMeaning(StatusCode status) {
        String m = status.meaning();
        int colon = m.indexOf(':');
        return colon < 0 ? m : m.substring(0, colon);
    }
}
