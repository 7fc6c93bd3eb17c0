package dev.sesh.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeviceLogRingTest {
    @Test
    void keepsOnlyTheNewestLinesOldestFirst() {
        DeviceLogRing ring = new DeviceLogRing(3);
        for (int i = 1; i <= 5; i++) ring.add("line " + i);
        assertEquals(List.of("line 3", "line 4", "line 5"), ring.last(10));
        assertEquals(List.of("line 4", "line 5"), ring.last(2));
        assertEquals(5, ring.total());
    }

    @Test
    void cleaningDropsCarriageReturnsEscapesAndControls() {
        assertEquals("boot ok", DeviceLogRing.clean("\u001b[1;32mboot\u001b[0m ok\r"));
        assertEquals("a b", DeviceLogRing.clean("a\tb\u0007"));
    }

    @Test
    void followerSeesOnlyLinesAddedAfterItStartedUntilItStops() {
        DeviceLogRing ring = new DeviceLogRing(10);
        ring.add("before");
        BlockingQueue<String> q = ring.follow();
        ring.add("after\r");
        assertEquals("after", q.poll());
        ring.unfollow(q);
        ring.add("later");
        assertNull(q.poll());
    }

    @Test
    void recognisesTheFirmwaresEchoOfEachRequest() {
        assertEquals(true, DeviceLogRing.echoesRequest("mg_rpc.c:311            I2C.Write via UART UART0"));
        assertEquals(false, DeviceLogRing.echoesRequest("mgos_init.c:33          Init done, RAM: 52080 total"));
        assertEquals(false, DeviceLogRing.echoesRequest("mg_rpc.c:311            No handler for Foo.Bar"));
    }
}
