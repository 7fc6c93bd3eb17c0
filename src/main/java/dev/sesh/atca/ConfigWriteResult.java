package dev.sesh.atca;

import java.util.List;

/**
 * The outcome of {@code atca config set}: how many fields were written and whether the zone read
 * back afterwards holds the wanted bytes 16-83 and 88-127 (and UserExtra/Selector where set).
 *
 * @param fields     fields that were changed (0: nothing to do, nothing sent)
 * @param matches    the read-back equals what was wanted
 * @param mismatches "config byte 20: 0x87 wanted, 0x00 read back" for each byte that differs
 * @param note       "" or, when the board's reply was lost and the read-back found the write done, a
 *                   clause saying so (design.md 5.7)
 */
public record ConfigWriteResult(int fields, boolean matches, List<String> mismatches, String note) {
    public ConfigWriteResult { mismatches = List.copyOf(mismatches); }

    ConfigWriteResult(int fields, boolean matches, List<String> mismatches) { this(fields, matches, mismatches, ""); }

    /** One line for the user. */
    public String message() {
        if (fields == 0) return "config zone already as wanted: nothing written";
        return matches ? "config zone written (" + fields + " fields), read back: matches" + note
                : "config zone written, but the read-back differs in " + mismatches.size() + " bytes: " + String.join("; ", mismatches);
    }
}
