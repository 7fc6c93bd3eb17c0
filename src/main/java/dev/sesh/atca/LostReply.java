package dev.sesh.atca;

import dev.sesh.SeshException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * design.md 5.7 for chip changes: when the board stops answering in the middle of a change (a
 * timeout or a closed link, exit 4), the chip may or may not have done it, so sesh reads the chip
 * back before anything else is decided. A change the read-back finds on the chip is a success; one
 * that is not there (or only half there) fails with the lost reply and the state read back in one
 * line; when the chip cannot show it, or cannot be read at all, the line says so. Either way exit 4
 * stands, and the hint says how to finish (every guarded change is safe to run again).
 */
final class LostReply {
    static final int READ_BACK_ATTEMPTS = 3;

    private LostReply() {}

    /** What a read-back after a lost reply found. */
    enum Kind { DONE, NOT_DONE, UNKNOWN }

    /**
     * The chip state after a lost reply, in words for the user ("slot 0 still holds no key").
     * Never contains key bytes.
     */
    record Found(Kind kind, String state) {
        static Found done(String state) { return new Found(Kind.DONE, state); }

        static Found notDone(String state) { return new Found(Kind.NOT_DONE, state); }

        static Found unknown(String state) { return new Found(Kind.UNKNOWN, state); }
    }

    /**
     * Runs {@code change}; empty when the board answered. When its reply was lost, reads the chip
     * back with {@code readBack}: returns what was found when the change is on the chip, else throws
     * (exit 4) naming the lost reply and the state. {@code what} names the change ("the config
     * lock"); {@code rerun} is the hint ("run atca lock config again").
     */
    static Optional<Found> guard(String what, Runnable change, Supplier<Found> readBack, String rerun) {
        try {
            change.run();
            return Optional.empty();
        } catch (SeshException e) {
            if (!lost(e)) throw e;
            Found found = readBack(what, readBack, rerun, e);
            return switch (found.kind()) {
                case DONE -> Optional.of(found);
                case NOT_DONE -> throw new SeshException(e.getMessage() + "; read back: " + found.state(), rerun, SeshException.UNREACHABLE, e);
                case UNKNOWN -> throw new SeshException(e.getMessage() + "; whether " + what + " happened cannot be read back: " + found.state(),
                        rerun, SeshException.UNREACHABLE, e);
            };
        }
    }

    // A board that was slow (its late replies still on the way, the chip's output half read) may fail the
    // first read-back too: a few tries, each bounded by the call timeouts; whatever stops them, the lost reply is the news.
    private static Found readBack(String what, Supplier<Found> readBack, String rerun, SeshException lostReply) {
        SeshException last = lostReply;
        for (int attempt = 0; attempt < READ_BACK_ATTEMPTS; attempt++) {
            try {
                return readBack.get();
            } catch (SeshException e) {
                last = e;
            }
        }
        throw new SeshException(lostReply.getMessage() + "; the chip could not be read back to tell whether " + what + " happened",
                "check the link to the board, then " + rerun, SeshException.UNREACHABLE, last);
    }

    /** The board went silent or away (exit 4); a chip's own refusal is an answer, not a lost reply. */
    static boolean lost(SeshException e) {
        return e.exitCode() == SeshException.UNREACHABLE && !(e instanceof ChipStatusException);
    }

    /** The clause a result line gets when its change was confirmed only by the read-back. */
    static String note(Optional<Found> lost) {
        return lost.map(f -> "; the board's reply was lost, the read-back shows it took effect (" + f.state() + ")").orElse("");
    }
}
