package dev.sesh.plan;

/** How a plan was answered; {@link #word()} is the audit log's spelling. */
public enum Answer {
    APPROVED("approved"),
    DECLINED("declined"),
    AUTO_APPROVED("auto-approved"),
    REFUSED_NO_TTY("refused-no-tty");

    private final String word;

    Answer(String word) { this.word = word; }

    public String word() { return word; }

    public boolean approves() { return this == APPROVED || this == AUTO_APPROVED; }
}
