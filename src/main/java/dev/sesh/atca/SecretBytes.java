package dev.sesh.atca;

import dev.sesh.SeshException;

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

    private static final StackWalker CALLERS = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * The bytes, for sesh's own code only (a key write, a MAC, a signature check). A script that
     * asks gets an error instead: design.md 5.11, a secret shows as its name and length everywhere,
     * and a hex dump of it at the prompt is a secret on the screen. The caller must be a class of
     * sesh itself (same class loader and module), not Groovy's runtime or a script's class.
     */
    @Override public Bytes bytes() {
        Class<?> caller = CALLERS.getCallerClass();
        String name = caller.getName();
        boolean groovy = name.startsWith("org.codehaus.groovy.") || name.startsWith("groovy.") || name.startsWith("org.apache.groovy.");
        if (groovy || caller.getClassLoader() != SecretBytes.class.getClassLoader() || caller.getModule() != SecretBytes.class.getModule()) {
            throw SeshException.badArg("the bytes of " + this + " stay inside sesh: a secret shows as its name and length",
                    "hand it to sesh's methods (x509.importKey, atca.keys) instead of reading it");
        }
        return bytes;
    }

    public int length() { return bytes.length(); }

    @JsonValue
    @Override public String toString() { return "SecretBytes[" + source + ", " + bytes.length() + " bytes]"; }
}
