package dev.sesh.rpc.frame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes frames as mos-rpc.md 1.1 shows them, and the fixed handshake byte strings of 1.4 / 7.0.
 * Text is taken as ISO-8859-1 (one byte per char); callers keep it ASCII with {@link FrameJson}.
 */
public final class FrameCodec {
    /** {@code """}: the compat-mode delimiter. */
    public static final byte[] Q3 = {'"', '"', '"'};
    /** The handshake probe mos writes: Q3 EOF Q3 \n \n (9 bytes, mos-rpc.md 7.0). */
    public static final byte[] HANDSHAKE_PROBE = {'"', '"', '"', 0x04, '"', '"', '"', '\n', '\n'};
    /** A handshake probe in newline framing: \n EOF \n (3 bytes); the device answers Q3 EOF Q3 and stays in newline mode. */
    public static final byte[] NEWLINE_PROBE = {'\n', 0x04, '\n'};
    /** The device's answer to an EOF frame: Q3 EOF Q3, sent at once without newlines (captures README 5.4). */
    public static final byte[] EOF_ECHO = {'"', '"', '"', 0x04, '"', '"', '"'};

    private FrameCodec() {}

    /** CRC-32 (zlib) of the JSON text's bytes, as 8 lower-case hex digits (mos-rpc.md 1.2). */
    public static String crc32Hex(String json) {
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.ISO_8859_1));
        return String.format("%08x", crc.getValue());
    }

    /**
     * One frame: {@code "\n" [Q3] json [crc] [Q3] "\n"}. With {@code q3} and {@code withCrc} this is
     * what mos writes; without Q3 it is the device's newline framing.
     */
    public static byte[] encode(String json, boolean q3, boolean withCrc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() + 16);
        out.write('\n');
        if (q3) out.writeBytes(Q3);
        out.writeBytes(json.getBytes(StandardCharsets.ISO_8859_1));
        if (withCrc) out.writeBytes(crc32Hex(json).getBytes(StandardCharsets.ISO_8859_1));
        if (q3) out.writeBytes(Q3);
        out.write('\n');
        return out.toByteArray();
    }
}
