package dev.sesh.rpc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyFrameTest {

    @Test
    void keepsResultTextExactlyForEveryValueKind() {
        assertEquals("{\"saved\": true}", ReplyFrame.parse("{\"id\":1,\"result\":{\"saved\": true}}").orElseThrow().result().orElseThrow());
        assertEquals("[80, 96]", ReplyFrame.parse("{\"id\":1,\"result\":[80, 96],\"x\":1}").orElseThrow().result().orElseThrow());
        assertEquals("\"esp8266_0A1B2C\"", ReplyFrame.parse("{\"id\":1,\"result\":\"esp8266_0A1B2C\"}").orElseThrow().result().orElseThrow());
        assertEquals("4096", ReplyFrame.parse("{\"id\":1,\"result\":4096}").orElseThrow().result().orElseThrow());
        assertEquals("null", ReplyFrame.parse("{\"id\":1,\"result\":null}").orElseThrow().result().orElseThrow());
    }

    @Test
    void readsStringIdOfDigitsAsNumber() {
        assertEquals(42, ReplyFrame.parse("{\"id\":\"42\",\"result\":null}").orElseThrow().id().getAsLong());
        assertTrue(ReplyFrame.parse("{\"id\":\"-5\",\"result\":null}").orElseThrow().id().isEmpty());
    }

    @Test
    void seesRequestsAndErrors() {
        assertTrue(ReplyFrame.parse("{\"id\":5,\"method\":\"Foo\"}").orElseThrow().isRequest());
        ReplyFrame e = ReplyFrame.parse("{\"id\":5,\"error\":{\"code\":404,\"message\":\"No handler for Foo\"}}").orElseThrow();
        assertEquals(404, e.errorCode().orElseThrow());
        assertEquals("No handler for Foo", e.errorMessage());
    }

    @Test
    void rejectsTextThatIsNotAnObject() {
        assertTrue(ReplyFrame.parse("[1]").isEmpty());
        assertTrue(ReplyFrame.parse("{\"id\":").isEmpty());
    }
}
