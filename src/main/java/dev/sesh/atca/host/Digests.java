package dev.sesh.atca.host;

import dev.sesh.bytes.Bytes;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 and a small builder for the chip's fixed-layout digest messages. */
public final class Digests {
    private Digests() {}

    public static Bytes sha256(Bytes in) {
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-256").digest(in.toArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** Builds a message byte by byte; {@code zeros(n)} pads. */
    public static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        public Message add(Bytes b) { out.writeBytes(b.toArray()); return this; }

        public Message add(int... bytes) { for (int b : bytes) out.write(b); return this; }

        /** A 16-bit value, low byte first (param2 order). */
        public Message le16(int v) { out.write(v & 0xff); out.write((v >> 8) & 0xff); return this; }

        public Message zeros(int n) { out.write(new byte[n], 0, n); return this; }

        public Bytes bytes() { return Bytes.of(out.toByteArray()); }

        public Bytes sha256() { return Digests.sha256(bytes()); }
    }

    public static Message message() { return new Message(); }
}
