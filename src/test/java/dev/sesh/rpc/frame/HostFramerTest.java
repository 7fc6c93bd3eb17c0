package dev.sesh.rpc.frame;

import dev.sesh.rpc.frame.FrameEvent.Crc;
import dev.sesh.rpc.frame.FrameEvent.Dropped;
import dev.sesh.rpc.frame.FrameEvent.Eof;
import dev.sesh.rpc.frame.FrameEvent.Json;
import dev.sesh.rpc.frame.FrameEvent.Log;
import dev.sesh.rpc.frame.FrameEvent.Reason;
import dev.sesh.testing.ByteFeeds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostFramerTest {

    /** Every feed of {@code wire} must give exactly {@code expected}. */
    private static void assertEvents(String wire, FrameEvent... expected) {
        for (ByteFeeds.Feed feed : ByteFeeds.of(wire)) {
            StreamFramer f = new StreamFramer(Role.HOST);
            assertEquals(List.of(expected), ByteFeeds.collect(feed, c -> f.feed(c, 0, c.length)), feed.name());
        }
    }

    @Test
    void parsesNewlineFramedGetInfoReplyOfSection71AfterLogLine() {
        String json = "{\"id\":1,\"src\":\"esp8266_0A1B2C\",\"result\":{\"id\": \"esp8266_0A1B2C\", \"app\": \"sesh-demo\", \"fw_version\": \"1.0\", "
                + "\"fw_id\": \"20240105-101530/g1a2b3c4-master\", \"mg_version\": \"2.20.0\", \"mg_id\": \"20220601-120000/2.20.0-g1f2e3d4\", "
                + "\"mac\": \"5CCF7F0A1B2C\", \"arch\": \"esp8266\", \"uptime\": 42, \"public_key\": null, \"ram_size\": 52728, \"ram_free\": 41132, "
                + "\"ram_min_free\": 36368, \"fs_size\": 233681, \"fs_free\": 198290,\"wifi\": {\"sta_ip\": \"\", \"ap_ip\": \"192.168.4.1\", "
                + "\"status\": \"disconnected\", \"ssid\": \"\"}}}";
        assertEquals(478, json.length());
        assertEvents("mg_rpc.c:313            Sys.GetInfo via UART UART0\n\n" + json + "eb23b80a\n",
                new Log("mg_rpc.c:313            Sys.GetInfo via UART UART0"),
                new Json(json, "eb23b80a", Crc.VALID));
    }

    @Test
    void parsesConfigSetReplyOfSection72WithLeadingStrayNewlines() {
        String json = "{\"id\":1374389534720,\"src\":\"esp8266_0A1B2C\",\"dst\":\"mos\",\"result\":{\"saved\": true}}";
        assertEquals(80, json.length());
        assertEvents("\n\n\n\"\"\"" + json + "8cb9ddf4\"\"\"\n", new Json(json, "8cb9ddf4", Crc.VALID));
    }

    @Test
    void parsesFsGetReplyOfSection73() {
        String json = "{\"id\":1402331340045,\"src\":\"esp8266_0A1B2C\",\"dst\":\"mos\",\"result\":{\"data\": \"aGVsbG8sIHdvcmxkCg==\", \"left\": 0}}";
        assertEvents("\n\"\"\"" + json + "8420deb6\"\"\"\n", new Json(json, "8420deb6", Crc.VALID));
    }

    @Test
    void parsesErrorReplyOfSection74() {
        String json = "{\"id\":1649267441664,\"src\":\"esp8266_0A1B2C\",\"dst\":\"mos\",\"error\":{\"code\":404,\"message\":\"No handler for ATCA.GetConfig\"}}";
        assertEvents("\n\"\"\"" + json + "f601ffbd\"\"\"\n", new Json(json, "f601ffbd", Crc.VALID));
    }

    @Test
    void deliversLogLinesBetweenFramesInOrder() {
        String reply = "{\"id\":1,\"src\":\"esp8266_0A1B2C\",\"result\":{\"channel_info\": \"UART0\"}}";
        assertEvents("mg_rpc.c:311            RPC.Ping via UART UART0\r\n\n" + reply + "\nInit done, RAM: 1234\n",
                new Log("mg_rpc.c:311            RPC.Ping via UART UART0"),
                new Json(reply, "", Crc.ABSENT),
                new Log("Init done, RAM: 1234"));
    }

    @Test
    void keepsPartialFrameAcrossReads() {
        StreamFramer f = new StreamFramer(Role.HOST);
        assertEquals(List.of(), f.feed(bytes("\n\"\"\"{\"id\":1,")));
        assertEquals(List.of(new Json("{\"id\":1,\"result\":null}", "", Crc.ABSENT)), f.feed(bytes("\"result\":null}\"\"\"\n")));
    }

    @Test
    void acceptsEofEchoWithQ3AsInSection70() {
        assertEvents("\n\"\"\"\u0004\"\"\"\n\n", new Eof());
    }

    @Test
    void acceptsEofEchoWithoutQ3() {
        assertEvents("\n\u0004\n", new Eof());
    }

    @Test
    void acceptsEofEchoThatIsNotFollowedByNewline() {
        StreamFramer f = new StreamFramer(Role.HOST);
        assertEquals(List.of(new Eof()), f.feed(bytes("\n\"\"\"\u0004\"\"\"")));
        assertEquals(List.of(), f.feed(bytes("\n\n")));
    }

    @Test
    void marksBadCrcInvalid() {
        assertEvents("{\"id\":300,\"result\":null}deadbeef\n", new Json("{\"id\":300,\"result\":null}", "deadbeef", Crc.INVALID));
    }

    @Test
    void acceptsUpperCaseCrc() {
        String json = "{\"id\":303,\"method\":\"RPC.Ping\"}";
        assertEvents(json + FrameCodec.crc32Hex(json).toUpperCase() + "\n", new Json(json, "B39DD310", Crc.VALID));
    }

    @Test
    void ignoresExtraMetaFieldsAfterCrc() {
        String json = "{\"id\":305,\"method\":\"RPC.Ping\"}";
        assertEvents(json + "c16c8990,x,y\r\n", new Json(json, "c16c8990,x,y", Crc.VALID));
    }

    @Test
    void leavesCrcUncheckedWhenMetaIsShorterThanEightChars() {
        assertEvents("{\"id\":302}abc\n", new Json("{\"id\":302}", "abc", Crc.ABSENT));
    }

    @Test
    void reportsFrameWithoutClosingBrace() {
        assertEvents("{\"id\":22,\"method\":\"RPC.Ping\"\n", new Dropped(Reason.NO_CLOSING_BRACE, "{\"id\":22,\"method\":\"RPC.Ping\""));
    }

    @Test
    void stripsXonXoffAnywhere() {
        assertEvents("\u0013{\"id\":1,\u0011\"result\":null}\n", new Json("{\"id\":1,\"result\":null}", "", Crc.ABSENT));
    }

    @Test
    void keepsHighBytesAsLatin1LogTextWithoutFlushing() {
        assertEvents("\u00ff\u00fe garbage\n{\"id\":2}\n", new Log("\u00ff\u00fe garbage"), new Json("{\"id\":2}", "", Crc.ABSENT));
    }

    @Test
    void dropsOverLongLineAndRecoversAtNextNewline() {
        StreamFramer f = new StreamFramer(Role.HOST);
        byte[] big = new byte[StreamFramer.HOST_MAX_LINE + 10];
        Arrays.fill(big, (byte) 'A');
        big[0] = '{';
        List<FrameEvent> first = f.feed(big);
        assertEquals(1, first.size());
        assertEquals(Reason.TOO_BIG, ((Dropped) first.get(0)).reason());
        assertEquals(List.of(new Json("{\"id\":3}", "", Crc.ABSENT)), f.feed(bytes("AAAA}\n{\"id\":3}\n")));
    }

    @Test
    void ignoresEmptyAndWhitespaceLines() {
        assertEvents("\n\r\n   \n\"\"\"\"\"\"\n");
    }

    @Test
    void emitsNothingForPartialLogLineUntilItsNewline() {
        StreamFramer f = new StreamFramer(Role.HOST);
        assertTrue(f.feed(bytes("Restarting")).isEmpty());
        assertEquals(List.of(new Log("Restarting")), f.feed(bytes("\n")));
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }
}
