package dev.sesh.rpc;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.Link;
import dev.sesh.testing.ScriptedBoard;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * mos-rpc.md section 7: configured like mos (src "mos", the ids shown, serial profile) the client
 * writes exactly the bytes shown, and understands the device bytes shown.
 */
class MosGoldenBytesTest {
    /** 7.0: the probe, then (after the device's EOF echo) one Q3. */
    private static final String HANDSHAKE = "\"\"\"\u0004\"\"\"\n\n" + "\"\"\"";

    private record Exchange(byte[] hostBytes, String result, RpcException error) {}

    private static Exchange run(long id, String method, String params, String deviceReply) throws IOException {
        VirtualClock clock = new VirtualClock();
        Link.Ends ends = Link.IN_PROCESS.open();
        ScriptedBoard board = new ScriptedBoard(ends.device(), clock);
        RpcOptions mos = RpcOptions.defaults().withSrc("mos").withIds(RpcOptions.increasingFrom(id))
                .withProfile(WireProfile.SERIAL).withClock(clock);
        try (RpcClient client = new RpcClient(ends.host(), mos); board) {
            board.expect(method).replyRaw(deviceReply);
            String result = null;
            RpcException error = null;
            try {
                result = client.call(method, params).resultJson();
            } catch (RpcException e) {
                error = e;
            }
            board.verify();
            return new Exchange(board.received(), result, error);
        }
    }

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    @Test
    void configSetOfSection72MatchesMosBytes() throws IOException {
        String request = "{\"src\":\"mos\",\"id\":1374389534720,\"method\":\"Config.Set\",\"params\":{\"config\":{\"wifi\":{\"sta\":{\"enable\":true,\"pass\":\"s3cret\",\"ssid\":\"lab\"}}},\"save\":true,\"reboot\":true}}";
        Exchange x = run(1374389534720L, "Config.Set",
                "{\"config\": {\"wifi\": {\"sta\": {\"enable\": true, \"pass\": \"s3cret\", \"ssid\": \"lab\"}}}, \"save\": true, \"reboot\": true}",
                "\n\n\n\"\"\"{\"id\":1374389534720,\"src\":\"esp8266_0A1B2C\",\"dst\":\"mos\",\"result\":{\"saved\": true}}8cb9ddf4\"\"\"\n");
        byte[] frame = ascii("\n\"\"\"" + request + "e703aeaf\"\"\"\n");
        assertEquals(178, frame.length);
        assertArrayEquals(ascii(HANDSHAKE + "\n\"\"\"" + request + "e703aeaf\"\"\"\n"), x.hostBytes());
        assertEquals("{\"saved\": true}", x.result());
    }

    @Test
    void fsGetOfSection73MatchesMosBytes() throws IOException {
        Exchange x = run(1402331340045L, "FS.Get", "{\"filename\":\"hello.txt\",\"len\":512,\"offset\":0}",
                "\n\"\"\"{\"id\":1402331340045,\"src\":\"esp8266_0A1B2C\",\"dst\":\"mos\",\"result\":{\"data\": \"aGVsbG8sIHdvcmxkCg==\", \"left\": 0}}8420deb6\"\"\"\n");
        assertArrayEquals(ascii(HANDSHAKE + "\n\"\"\"{\"src\":\"mos\",\"id\":1402331340045,\"method\":\"FS.Get\",\"params\":{\"filename\":\"hello.txt\",\"len\":512,\"offset\":0}}d9d9f52c\"\"\"\n"),
                x.hostBytes());
        assertEquals("{\"data\": \"aGVsbG8sIHdvcmxkCg==\", \"left\": 0}", x.result());
    }

    @Test
    void atcaGetConfigErrorOfSection74MatchesMosBytes() throws IOException {
        Exchange x = run(1649267441664L, "ATCA.GetConfig", null,
                "mg_rpc.c:291            No handler for ATCA.GetConfig\n\n\"\"\"{\"id\":1649267441664,\"src\":\"esp8266_0A1B2C\",\"dst\":\"mos\",\"error\":{\"code\":404,\"message\":\"No handler for ATCA.GetConfig\"}}f601ffbd\"\"\"\n");
        assertArrayEquals(ascii(HANDSHAKE + "\n\"\"\"{\"src\":\"mos\",\"id\":1649267441664,\"method\":\"ATCA.GetConfig\"}a40f83d5\"\"\"\n"), x.hostBytes());
        RpcRemoteException e = (RpcRemoteException) x.error();
        assertEquals(404, e.code());
        assertEquals("No handler for ATCA.GetConfig", e.remoteMessage());
    }

    @Test
    void escapesLatin1ParamsAndRefusesAnythingAbove() throws IOException {
        Exchange x = run(7, "Config.Set", "{\"config\":{\"device\":{\"sn\":\"caf\u00e9\"}}}", "\n{\"id\":7,\"result\":{\"saved\": false}}\n");
        String sent = new String(x.hostBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(true, sent.contains("\"sn\":\"caf\\u00E9\""), sent);
        VirtualClock clock = new VirtualClock();
        Link.Ends ends = Link.IN_PROCESS.open();
        try (RpcClient client = new RpcClient(ends.host(), RpcOptions.defaults().withClock(clock))) {
            assertThrows(dev.sesh.SeshException.class, () -> client.call("Config.Set", "{\"config\":{\"device\":{\"sn\":\"\u20ac\"}}}"));
        }
    }
}
