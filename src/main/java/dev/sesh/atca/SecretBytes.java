package dev.sesh.atca;

import dev.sesh.bytes.Bytes;

import java.util.Objects;

/**
 * Key material that must never be shown (a private scalar, a write key, secret slot contents;
 * design.md 5.11), with the name of where it came from ({@code source}, e.g. the file name).
 * {@link #toString()} gives the source and the length only, so a stray string concatenation or
 * log line cannot leak the bytes.
 */
public record SecretBytes(String source, Bytes bytes) {
    public SecretBytes {
        Objects.requireNonNull(source);
        Objects.requireNonNull(bytes);
    }

    public int length() { return bytes.length(); }

    @Override public String toString() { return "SecretBytes[" + source + ", " + bytes.length() + " bytes]"; }
}
