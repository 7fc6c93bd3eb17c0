package dev.sesh.plan;

import java.util.Objects;

/** What became of a plan after its answer; {@link #word()} is the audit log's spelling. */
public sealed interface Outcome {
    String word();

    /** The action ran and returned. */
    record Ok() implements Outcome {
        @Override public String word() { return "ok"; }
    }

    /** The action ran and threw; {@code message} is the exception's one-line message. */
    record Failed(String message) implements Outcome {
        public Failed { Objects.requireNonNull(message); }
        @Override public String word() { return "failed"; }
    }

    /** Declined or refused: nothing was sent. */
    record NotRun() implements Outcome {
        @Override public String word() { return "not-run"; }
    }
}
