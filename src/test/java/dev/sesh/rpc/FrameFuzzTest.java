package dev.sesh.rpc;

import dev.sesh.SeshException;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.rpc.frame.FrameEvent;
import dev.sesh.rpc.frame.FrameJson;
import dev.sesh.rpc.frame.Role;
import dev.sesh.rpc.frame.StreamFramer;
import dev.sesh.testing.Fuzz;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzz of the RPC stream framer in both roles and of the JSON frame decoders the host runs
 * on what it frames ({@link ReplyFrame#parse}, {@link FrameJson#parse}). Streams are built from
 * real frames (plain, {@code """}-wrapped, with CRC), log lines, handshake bytes, XON/XOFF, high
 * bytes and random bytes, then mutated and fed in random pieces.
 */
class FrameFuzzTest {
    static final String INTERESTING = "\"{}[]:,\n\r\\\u0004\u0011\u0013 0123456789abcdef";
    static final String[] JSON = {
            "{\"id\":1,\"src\":\"esp8266_0A1B2C\",\"dst\":\"sesh\",\"result\":{\"app\":\"sesh-sim\",\"fs_free\":233496}}",
            "{\"id\":7,\"error\":{\"code\":404,\"message\":\"No handler for Nope\"}}",
            "{\"id\":3,\"src\":\"x\",\"method\":\"FS.Put\",\"params\":{\"filename\":\"a\",\"data\":\"aGVsbG8K\"}}",
            "{\"id\":18446744073709551615,\"result\":[1,2.5e3,null,true,\"\\u00e9\"]}",
    };

    /** A random stream of real and damaged protocol pieces. */
    static byte[] stream(SplittableRandom r) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (int k = 0, n = 1 + r.nextInt(6); k < n; k++) {
            s.writeBytes(piece(r, JSON[r.nextInt(JSON.length)]));
        }
        return s.toByteArray();
    }

    /** One piece, weighted: a third real frames, a third damaged frames, then logs, handshakes, noise; 1 in 60 a run across the device limit. */
    private static byte[] piece(SplittableRandom r, String json) {
        int k = r.nextInt(60);
        if (k < 20) return FrameCodec.encode(json, r.nextBoolean(), r.nextBoolean());
        if (k < 40) {
            String framed = new String(FrameCodec.encode(json, r.nextBoolean(), true), StandardCharsets.ISO_8859_1);
            return Fuzz.mutate(r, framed, 4, INTERESTING).getBytes(StandardCharsets.ISO_8859_1);
        }
        if (k < 45) return "mg_rpc.c:311            FS.Put via UART UART0\n".getBytes(StandardCharsets.ISO_8859_1);
        if (k < 48) return FrameCodec.HANDSHAKE_PROBE;
        if (k < 59) return Fuzz.bytes(r, 300, INTERESTING);
        return longRun(r);
    }

    private static byte[] longRun(SplittableRandom r) {
        byte[] b = new byte[4000 + r.nextInt(600)];                // around the device's 4102-byte limit
        java.util.Arrays.fill(b, (byte) 'x');
        b[0] = '{';
        return b;
    }

    static List<FrameEvent> feedInPieces(StreamFramer f, byte[] s, SplittableRandom r) {
        List<FrameEvent> events = new ArrayList<>();
        for (int p = 0; p < s.length; ) {
            int n = Math.min(s.length - p, 1 + r.nextInt(r.nextBoolean() ? 8 : 600));
            events.addAll(f.feed(s, p, n));
            p += n;
        }
        return events;
    }

    /**
     * Host role: the events do not depend on how the stream was cut into reads, nothing but frames,
     * logs, EOF, empty and dropped lines comes out, and every frame candidate decodes without an
     * undocumented exception. After any stream, a newline and a clean frame come out as that frame.
     */
    @Test void hostFramerAndReplyDecoderSurviveRandomStreams() {
        Fuzz.run("rpc.frame.StreamFramer HOST + ReplyFrame/FrameJson", r -> {
            byte[] s = stream(r);
            List<FrameEvent> whole = new StreamFramer(Role.HOST).feed(s);
            StreamFramer pieces = new StreamFramer(Role.HOST);
            assertEquals(whole, feedInPieces(pieces, s, r), "events depend on read boundaries");
            for (FrameEvent e : whole) {
                if (e instanceof FrameEvent.Json j) {
                    ReplyFrame.parse(j.json());
                    try {
                        FrameJson.parse(j.json());
                    } catch (SeshException expected) {
                        assertTrue(expected.getMessage().startsWith("not valid JSON"), expected.getMessage());
                    }
                }
            }
            byte[] clean = ("\n" + JSON[0] + "\n").getBytes(StandardCharsets.ISO_8859_1);
            List<FrameEvent> after = pieces.feed(clean);
            assertTrue(after.stream().anyMatch(e -> e instanceof FrameEvent.Json j && j.json().equals(JSON[0])), "no recovery: " + after);
        }, List.of());
    }

    /**
     * Device role: the buffer never holds more than the frame limit plus one batch, and after any
     * stream a high byte (the device's flush) followed by a clean frame yields exactly that frame.
     */
    @Test void deviceFramerSurvivesRandomStreamsAndRecoversAfterAFlush() {
        Fuzz.run("rpc.frame.StreamFramer DEVICE", r -> {
            StreamFramer f = new StreamFramer(Role.DEVICE);
            int limit = StreamFramer.DEFAULT_MAX_FRAME_SIZE + 6 + StreamFramer.DEVICE_BATCH;
            byte[] s = stream(r);
            for (FrameEvent e : feedInPieces(f, s, r)) {
                // The firmware checks the limit after each 256-byte batch, so one batch may overshoot it.
                assertTrue(!(e instanceof FrameEvent.Json j) || j.json().length() <= limit, "over-long frame");
            }
            assertTrue(f.buffered() <= limit, "buffer grew to " + f.buffered());
            f.feed(new byte[] {(byte) 0x80});
            byte[] clean = FrameCodec.encode(JSON[2], f.q3Seen(), false);
            List<FrameEvent> after = f.feed(clean);
            assertTrue(after.stream().anyMatch(e -> e instanceof FrameEvent.Json j && j.json().equals(JSON[2])), "no recovery: " + after);
        }, List.of());
    }

    /** FrameJson.parse alone on mutated JSON: a value or a one-line "not valid JSON" SeshException. */
    @Test void frameJsonParseRejectsOnlyWithOneLineSeshExceptions() {
        Fuzz.run("rpc.frame.FrameJson.parse", r -> {
            String text = Fuzz.mutate(r, JSON[r.nextInt(JSON.length)], 6, INTERESTING);
            try {
                FrameJson.parse(text);
            } catch (SeshException e) {
                assertTrue(!e.getMessage().contains("\n") && e.exitCode() == SeshException.USAGE, e.getMessage());
                throw e;
            }
        }, List.of(SeshException.class));
    }
}
