package dev.sesh.atca;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.sesh.bytes.Bytes;

import java.util.Objects;

/**
 * Key material that must never be shown (a private scalar, a write key, secret slot contents;
 * design.md 5.11), with the name of where it came from ({@code source}, e.g. the file name).
 * {@link #toString()} gives the source and the length only, so a stray string concatenation or
 * log line cannot leak the bytes; JSON output gets the same text.
 */
public record SecretBytes(String source, Bytes bytes) {
    public SecretBytes {
        Objects.requireNonNull(source);
        Objects.requireNonNull(bytes);
    }

    public int length() { return bytes.length(); }

    @JsonValue
    @Override public String toString() { return "SecretBytes[" + source + ", " + bytes.length() + " bytes]"; }
}
