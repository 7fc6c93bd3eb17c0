package dev.sesh.plan;

/** How a plan was answered; {@link #word()} is the audit log's spelling. */
public enum Answer {
    APPROVED("approved"),
    /** Covered by a batch plan approved once for several boards ({@link BatchScope}). */
    APPROVED_IN_BATCH("approved in batch"),
    DECLINED("declined"),
    AUTO_APPROVED("auto-approved"),
    REFUSED_NO_TTY("refused-no-tty");

    private final String word;

    Answer(String word) { this.word = word; }

    public String word() { return word; }

    public boolean approves() { return this == APPROVED || this == APPROVED_IN_BATCH || this == AUTO_APPROVED; }
}
