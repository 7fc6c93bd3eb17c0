package dev.sesh.plan;

import java.util.Objects;

/**
 * An {@link Approver}'s answer to one plan. For a declined or refused plan, {@code message} and
 * {@code hint} become the one-line error the user sees (exit code 3); both are empty otherwise.
 */
public record Decision(Answer answer, String message, String hint) {
    public Decision {
        Objects.requireNonNull(answer); Objects.requireNonNull(message); Objects.requireNonNull(hint);
        if (!answer.approves() && message.isBlank()) throw new IllegalArgumentException("a refusal says why");
    }

    public static Decision approved() { return new Decision(Answer.APPROVED, "", ""); }

    public static Decision autoApproved() { return new Decision(Answer.AUTO_APPROVED, "", ""); }

    public static Decision declined(String message, String hint) { return new Decision(Answer.DECLINED, message, hint); }

    public static Decision refusedNoTty(String message, String hint) { return new Decision(Answer.REFUSED_NO_TTY, message, hint); }
}
