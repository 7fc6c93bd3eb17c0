package dev.sesh.shell;

/**
 * What the prompt shows about the secure element once it is known, in the design's vocabulary:
 * {@code ATECC508A cfg:locked data:open}. Set by whoever reads the chip (the atca commands and
 * objects) through {@link Session#noteChip}; cleared when the board changes.
 */
public record ChipSummary(String model, boolean configLocked, boolean dataLocked) {
    public ChipSummary {
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model must be named");
    }

    /** {@code MODEL cfg:locked|open data:locked|open}. */
    public String text() {
        return model + " cfg:" + word(configLocked) + " data:" + word(dataLocked);
    }

    private static String word(boolean locked) { return locked ? "locked" : "open"; }
}
