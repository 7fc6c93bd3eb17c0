package dev.sesh.atca;

/**
 * The chip and its zone locks as last read, for the prompt ({@code ATECC508A cfg:open data:open}).
 *
 * @param chip "ATECC508A" or "ATECC608A"
 */
public record ChipStatus(String chip, boolean configLocked, boolean dataLocked) {
    /** "ATECC508A cfg:locked data:open". */
    public String text() { return chip + " cfg:" + ChipInfo.word(configLocked) + " data:" + ChipInfo.word(dataLocked); }
}
