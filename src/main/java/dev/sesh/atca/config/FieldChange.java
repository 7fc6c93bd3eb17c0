package dev.sesh.atca.config;

import java.util.Objects;

/**
 * One field that differs between two config zones, e.g. {@code slot 0 WriteConfig: Always -> Encrypt(6)}.
 *
 * @param where  "config" or "slot N"
 * @param field  the data sheet's name ({@link ConfigFields})
 * @param from   the value now, in words
 * @param to     the wanted value, in words
 * @param access how the change would be made; {@link ConfigField.Access#READ_ONLY} means it cannot be
 * @param note   why a change cannot be made, or "" when it can
 */
public record FieldChange(String where, String field, String from, String to, ConfigField.Access access, String note) {
    public FieldChange {
        Objects.requireNonNull(where); Objects.requireNonNull(field); Objects.requireNonNull(from);
        Objects.requireNonNull(to); Objects.requireNonNull(access); Objects.requireNonNull(note);
    }

    /** True if a config write (Write or UpdateExtra) can make this change. */
    public boolean writable() { return note.isEmpty(); }

    /** "slot 0 WriteConfig: Always -> Encrypt(6)", plus "(cannot be written: ...)" when it cannot. */
    public String line() {
        return where + " " + field + ": " + from + " -> " + to + (writable() ? "" : " (cannot be written: " + note + ")");
    }

    @Override public String toString() { return line(); }
}
