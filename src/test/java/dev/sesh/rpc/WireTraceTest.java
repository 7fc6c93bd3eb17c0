package dev.sesh.rpc;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.Link;
import dev.sesh.testing.ScriptedBoard;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WireTraceTest {

    @Test
    void tracesBothDirectionsWithKeysRedacted() throws IOException {
        VirtualClock clock = new VirtualClock();
        Link.Ends ends = Link.IN_PROCESS.open();
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ScriptedBoard board = new ScriptedBoard(ends.device(), clock);
             RpcClient client = new RpcClient(ends.host(), RpcOptions.defaults().withClock(clock).withIds(RpcOptions.increasingFrom(7)))) {
            client.addWireTrace(WireTrace.lines(lines::add, new dev.sesh.plan.Redactor()::json));
            board.expect("ATCA.SetKey").reply("null");
            client.call("ATCA.SetKey", "{\"key\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\",\"slot\":4}");
            board.verify();
        }
        assertEquals(List.of(
                "==> {\"src\":\"sesh\",\"id\":7,\"method\":\"ATCA.SetKey\",\"params\":{\"key\":\"<redacted 32 bytes>\",\"slot\":4}}",
                "<== {\"id\":7,\"src\":\"esp8266_0A1B2C\",\"dst\":\"sesh\",\"result\":null}"), lines);
    }
}
