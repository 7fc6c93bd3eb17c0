package dev.sesh.rpc.frame;

import dev.sesh.rpc.frame.FrameEvent.Crc;
import dev.sesh.rpc.frame.FrameEvent.Dropped;
import dev.sesh.rpc.frame.FrameEvent.Empty;
import dev.sesh.rpc.frame.FrameEvent.Eof;
import dev.sesh.rpc.frame.FrameEvent.Json;
import dev.sesh.rpc.frame.FrameEvent.Reason;
import dev.sesh.testing.ByteFeeds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceFramerTest {
    private static final String PING = "{\"id\":1,\"method\":\"RPC.Ping\"}";

    private static List<FrameEvent> feedWhole(String wire) {
        return new StreamFramer(Role.DEVICE).feed(bytes(wire));
    }

    /** Non-empty events must not depend on how the bytes were split (empties do, as on the device). */
    private static void assertFrames(String wire, FrameEvent... expected) {
        for (ByteFeeds.Feed feed : ByteFeeds.of(wire)) {
            StreamFramer f = new StreamFramer(Role.DEVICE);
            List<FrameEvent> got = ByteFeeds.collect(feed, c -> f.feed(c, 0, c.length));
            got.removeIf(e -> e instanceof Empty);
            assertEquals(List.of(expected), got, feed.name());
        }
    }

    @Test
    void parsesMosStyleRequestOfSection72() {
        String json = "{\"src\":\"mos\",\"id\":1374389534720,\"method\":\"Config.Set\",\"params\":{\"config\":{\"wifi\":{\"sta\":{\"enable\":true,\"pass\":\"s3cret\",\"ssid\":\"lab\"}}},\"save\":true,\"reboot\":true}}";
        assertFrames("\n\"\"\"" + json + "e703aeaf\"\"\"\n", new Json(json, "e703aeaf", Crc.VALID));
    }

    @Test
    void splitsMosStyleFrameIntoEmptyFrameJsonAndEmptyFrameWhenReadInOneBatch() {
        StreamFramer f = new StreamFramer(Role.DEVICE);
        assertEquals(List.of(new Empty(), new Json(PING, "", Crc.ABSENT), new Empty()), f.feed(bytes("\n\"\"\"" + PING + "\"\"\"\n")));
        assertTrue(f.q3Seen());
    }

    @Test
    void readsHandshakeProbeOfSection70AsEmptyEofEmpty() {
        assertEquals(List.of(new Empty(), new Eof(), new Empty(), new Empty()), new StreamFramer(Role.DEVICE).feed(FrameCodec.HANDSHAKE_PROBE));
    }

    @Test
    void readsMosAckAsOneEmptyFrame() {
        assertEquals(List.of(new Empty()), feedWhole("\"\"\""));
    }

    @Test
    void answersEofFramedByNewlines() {
        assertEquals(List.of(new Empty(), new Eof()), feedWhole("\n\u0004\n"));
    }

    @Test
    void searchesQ3BeforeNewlineSoNewlineFrameAheadOfQ3StaysInOneContent() {
        // Both "frames" end up as one content; the meta after the last '}' is "\n" (ignored).
        assertEquals(List.of(new Json("{\"id\":1}\n{\"id\":2}", "", Crc.ABSENT)), feedWhole("{\"id\":1}\n{\"id\":2}\"\"\""));
    }

    @Test
    void staysInNewlineModeUntilQ3Arrives() {
        StreamFramer f = new StreamFramer(Role.DEVICE);
        f.feed(bytes(PING + "\n"));
        assertFalse(f.q3Seen());
    }

    @Test
    void skipsJunkBeforeFirstBrace() {
        assertFrames("xx junk " + PING + "\n", new Json(PING, "", Crc.ABSENT));
    }

    @Test
    void ignoresLineWithoutBrace() {
        assertFrames("hello device\n", new Dropped(Reason.NO_BRACE, "hello device"));
    }

    @Test
    void treatsWhitespaceAndCrLfAsEmptyFrame() {
        assertEquals(List.of(new Empty()), feedWhole("   \r\n"));
    }

    @Test
    void reportsBadCrcWithDeviceLogText() {
        String json = "{\"id\":300,\"method\":\"RPC.Ping\"}";
        List<FrameEvent> ev = feedWhole(json + "deadbeef\n");
        assertEquals(List.of(new Json(json, "deadbeef", Crc.INVALID)), ev);
        assertEquals("Corrupted frame (30): '" + json + "' 'deadbeef' deadbeef 8ae57e50", ((Json) ev.get(0)).corruptedText());
    }

    @Test
    void reportsNonHexMetaAsCorruptedWithZeroGivenCrc() {
        String json = "{\"id\":301,\"method\":\"RPC.Ping\"}";
        Json ev = (Json) feedWhole(json + "zzzzzzzz\n").get(0);
        assertEquals(Crc.INVALID, ev.crc());
        assertEquals("Corrupted frame (30): '" + json + "' 'zzzzzzzz' 00000000 9dcd1a90", ev.corruptedText());
    }

    @Test
    void reportsFrameWithoutClosingBraceAsCorruptedEmptyJson() {
        Json ev = (Json) feedWhole("{\"id\":22,\"method\":\"RPC.Ping\"\n").get(0);
        assertEquals(Crc.INVALID, ev.crc());
        assertEquals("Corrupted frame (0): '' '{\"id\":22,\"method\":\"RPC.Ping\"' 00000000 00000000", ev.corruptedText());
    }

    @Test
    void acceptsUpperCaseCrcAndExtraMetaFields() {
        String a = "{\"id\":303,\"method\":\"RPC.Ping\"}";
        String b = "{\"id\":305,\"method\":\"RPC.Ping\"}";
        assertFrames(a + "B39DD310\n" + b + "c16c8990,x,y\n", new Json(a, "B39DD310", Crc.VALID), new Json(b, "c16c8990,x,y", Crc.VALID));
    }

    @Test
    void ignoresMetaShorterThanEightChars() {
        assertFrames("{\"id\":302,\"method\":\"RPC.Ping\"}abc\n", new Json("{\"id\":302,\"method\":\"RPC.Ping\"}", "abc", Crc.ABSENT));
    }

    @Test
    void highByteDiscardsWholeBatchIncludingFrameBeforeIt() {
        List<FrameEvent> ev = feedWhole("\u0080" + PING + "\n");
        assertEquals(1, ev.size());
        assertEquals(Reason.HIGH_BYTE, ((Dropped) ev.get(0)).reason());
    }

    @Test
    void highByteClearsPartialFrameBufferedFromEarlierBatch() {
        StreamFramer f = new StreamFramer(Role.DEVICE);
        assertEquals(List.of(), f.feed(bytes("{\"id\":32,\"meth")));
        List<FrameEvent> second = f.feed(bytes("\u00ffod\":\"RPC.Ping\"}\n"));
        assertEquals(Reason.HIGH_BYTE, ((Dropped) second.get(0)).reason());
        assertEquals(0, f.buffered());
        // The tail of the frame, resent alone, has no '{' and is ignored.
        assertEquals(List.of(new Dropped(Reason.NO_BRACE, "od\":\"RPC.Ping\"}")), f.feed(bytes("od\":\"RPC.Ping\"}\n")));
        assertEquals(List.of(new Json(PING, "", Crc.ABSENT)), f.feed(bytes(PING + "\n")));
    }

    @Test
    void highByteOnlyAffectsItsOwn256ByteBatch() {
        byte[] wire = new byte[StreamFramer.DEVICE_BATCH + PING.length() + 1];
        Arrays.fill(wire, 0, StreamFramer.DEVICE_BATCH, (byte) ' ');
        wire[10] = (byte) 0xc3;
        System.arraycopy(bytes(PING + "\n"), 0, wire, StreamFramer.DEVICE_BATCH, PING.length() + 1);
        List<FrameEvent> ev = new StreamFramer(Role.DEVICE).feed(wire);
        assertEquals(List.of(new Json(PING, "", Crc.ABSENT)), ev.subList(1, 2));
        assertEquals(Reason.HIGH_BYTE, ((Dropped) ev.get(0)).reason());
    }

    @Test
    void dropsFrameBufferedPast4102Bytes() {
        String head = "{\"id\":51,\"method\":\"FS.Put\",\"params\":{\"filename\":\"big.bin\",\"data\":\"";
        String frame = head + "A".repeat(4369 - head.length() - 4) + "\"}}\n";
        StreamFramer f = new StreamFramer(Role.DEVICE);
        List<FrameEvent> ev = f.feed(bytes(frame));
        assertEquals(Reason.TOO_BIG, ((Dropped) ev.get(0)).reason());
        assertEquals(1, ev.stream().filter(e -> e instanceof Dropped d && d.reason() == Reason.TOO_BIG).count());
        assertTrue(ev.stream().noneMatch(e -> e instanceof Json), "no frame survives");
    }

    @Test
    void passesFrameJustUnderTheLimit() {
        String head = "{\"id\":50,\"method\":\"FS.Put\",\"params\":{\"filename\":\"max.bin\",\"data\":\"";
        String json = head + "A".repeat(4065 - head.length() - 4) + "\"}}";
        assertEquals(List.of(new Json(json, "", Crc.ABSENT)), feedWhole(json + "\n"));
    }

    @Test
    void keeps4102BufferedBytesAndDrops4103() {
        byte[] chunk = new byte[StreamFramer.DEVICE_BATCH];
        Arrays.fill(chunk, (byte) 'A');
        StreamFramer f = new StreamFramer(Role.DEVICE);
        for (int i = 0; i < 16; i++) assertEquals(List.of(), f.feed(chunk));
        assertEquals(List.of(), f.feed(chunk, 0, 4102 - 16 * StreamFramer.DEVICE_BATCH));
        assertEquals(4102, f.buffered());
        assertEquals(List.of(new Dropped(Reason.TOO_BIG, StreamFramer.TOO_BIG_TEXT)), f.feed(chunk, 0, 1));
        assertEquals(0, f.buffered());
    }

    @Test
    void honoursConfiguredMaxFrameSize() {
        StreamFramer f = new StreamFramer(Role.DEVICE, 100);
        assertEquals(List.of(), f.feed(new byte[106]));
        assertEquals(Reason.TOO_BIG, ((Dropped) f.feed(new byte[1]).get(0)).reason());
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }
}
