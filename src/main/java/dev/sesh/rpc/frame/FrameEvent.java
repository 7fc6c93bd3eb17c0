package dev.sesh.rpc.frame;

import java.util.Locale;

/**
 * What a {@link StreamFramer} found in the byte stream, in stream order (mos-rpc.md 1.1, 1.3, 1.6).
 * Texts are decoded as ISO-8859-1, so every byte maps to one char and garbage never throws.
 */
public sealed interface FrameEvent {

    /**
     * A frame candidate. {@code json} is the text from its first '{' to its last '}' (empty when
     * the frame had no '}'); {@code meta} is what followed the last '}', trimmed of whitespace
     * ({@code \r} included); {@code crc} says whether a CRC was checked and matched.
     * The CRC is checked only when the untrimmed meta is at least 8 characters long (mos-rpc.md 1.2).
     */
    record Json(String json, String meta, Crc crc) implements FrameEvent {
        /**
         * The CRC the sender gave: the leading hex digits of meta's first comma field as a
         * 32-bit value, 0 when there are none (the device reads it with strtoul semantics).
         */
        public long givenCrc() {
            long v = 0;
            for (int i = 0; i < meta.length(); i++) {
                int d = Character.digit(meta.charAt(i), 16);
                if (d < 0) break;
                v = ((v << 4) | d) & 0xffffffffL;
            }
            return v;
        }

        /** CRC-32 of {@code json} as sent. */
        public long computedCrc() { return Long.parseLong(FrameCodec.crc32Hex(json), 16); }

        /**
         * The device's warning for a frame with {@link Crc#INVALID}, without its file:line prefix
         * and pointer: {@code Corrupted frame (<len>): '<json>' '<meta>' <given> <computed>}
         * (mos-captures README 5.4).
         */
        public String corruptedText() {
            return String.format(Locale.ROOT, "Corrupted frame (%d): '%s' '%s' %08x %08x",
                    json.length(), json, meta, givenCrc(), computedCrc());
        }
    }

    /** Whitespace-only content between two delimiters ({@code \r} counts). DEVICE role only. */
    record Empty() implements FrameEvent {}

    /** Content exactly the byte 0x04: a handshake probe (DEVICE role) or its echo (HOST role). */
    record Eof() implements FrameEvent {}

    /** HOST role: a line that is not a frame (a device log line), without its {@code \r\n}. */
    record Log(String line) implements FrameEvent {}

    /** Bytes thrown away, and why; {@code detail} is for debug logs only. */
    record Dropped(Reason reason, String detail) implements FrameEvent {}

    enum Crc { ABSENT, VALID, INVALID }

    enum Reason {
        /** DEVICE: a byte >= 0x80 in a batch cleared the receive buffer and the batch. */
        HIGH_BYTE,
        /** More than the limit buffered without a delimiter (DEVICE: "Incoming frame is too big, dropping."). */
        TOO_BIG,
        /** DEVICE: content with no '{' at all; the device ignores it silently. */
        NO_BRACE,
        /** HOST: a line that starts with '{' but has no '}'. */
        NO_CLOSING_BRACE
    }
}
