package dev.sesh.plan;

import java.util.Objects;

/**
 * The classifier's verdict on one operation: its {@link Effect} and a short human description
 * (for example {@code "Lock config zone, CRC 0x80F1"}). The description never holds data bytes.
 */
public record Classification(Effect effect, String what) {
    public Classification {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(what, "what");
    }

    static Classification readOnly(String what) { return new Classification(Effect.READ_ONLY, what); }

    static Classification reversible(String what) { return new Classification(Effect.REVERSIBLE, what); }

    static Classification irreversible(String what) { return new Classification(Effect.IRREVERSIBLE, what); }

    public boolean isChange() { return effect.isChange(); }
}
