package dev.sesh.sim;

import dev.sesh.sim.service.SimReply;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeTest {
    private static final String DEV = "esp8266_0A1B2C";

    private static String reply(String request, SimReply r) { return Envelope.scan(request).reply(DEV, r); }

    @Test
    void replyFieldsComeInFirmwareOrder() {
        assertEquals("{\"id\":40,\"src\":\"esp8266_0A1B2C\",\"dst\":\"c1\",\"tag\":\"t-1\",\"result\":{\"channel_info\": \"UART0\"}}",
                reply("{\"method\":\"RPC.Ping\",\"tag\":\"t-1\",\"src\":\"c1\",\"id\":40}", SimReply.result("{\"channel_info\": \"UART0\"}")));
    }

    @Test
    void idOfDigitsIsBareAndAnythingElseQuoted() {
        assertTrue(reply("{\"id\":\"42\",\"method\":\"m\"}", SimReply.nullResult()).startsWith("{\"id\":42,"));
        assertTrue(reply("{\"id\":-5,\"method\":\"m\"}", SimReply.nullResult()).startsWith("{\"id\":\"-5\","));
        assertTrue(reply("{\"id\":1.5,\"method\":\"m\"}", SimReply.nullResult()).startsWith("{\"id\":\"1.5\","));
        assertTrue(reply("{\"id\":\"abc\",\"method\":\"m\"}", SimReply.nullResult()).startsWith("{\"id\":\"abc\","));
    }

    @Test
    void dstOfTheRequestBecomesTheReplySrc() {
        assertEquals("{\"id\":1,\"src\":\"me\",\"result\":null}", reply("{\"id\":1,\"dst\":\"me\",\"method\":\"m\"}", SimReply.nullResult()));
    }

    @Test
    void tagIsEchoedRawAndReEscaped() {
        assertTrue(reply("{\"id\":41,\"tag\":\"caf\\u00e9\",\"method\":\"m\"}", SimReply.nullResult())
                .contains(",\"tag\":\"caf\\\\u00e9\","));
    }

    @Test
    void errorWithoutMessageHasOnlyTheCode() {
        assertEquals("{\"id\":62,\"src\":\"esp8266_0A1B2C\",\"error\":{\"code\":0}}", reply("{\"id\":62,\"method\":\"m\"}", SimReply.error(0, null)));
        assertEquals("{\"id\":1,\"src\":\"esp8266_0A1B2C\",\"error\":{\"code\":400,\"message\":\"failed to open file \\\"x\\\"\"}}",
                reply("{\"id\":1,\"method\":\"m\"}", SimReply.error(400, "failed to open file \"x\"")));
    }

    @Test
    void resultBodyIsCutAtANul() {
        assertEquals("{\"id\":207,\"src\":\"esp8266_0A1B2C\",\"result\":\"caf\u00e9!}",
                reply("{\"id\":207,\"method\":\"m\"}", SimReply.result("\"caf\u00e9!\u0000\"")));
    }

    @Test
    void scanKeepsFieldsFoundBeforeASyntaxError() {
        Envelope e = Envelope.scan("{\"id\":20,\"method\":}");
        assertEquals("20", e.id().text());
        assertNull(e.method());
        assertFalse(e.isRequest());
        assertEquals(0, Envelope.scan("{\"x\":}").scanned());
    }

    @Test
    void argsStandsInForParamsButParamsWins() {
        assertEquals("{\"a\":1}", Envelope.scan("{\"args\":{\"a\":1},\"method\":\"m\"}").params().text());
        assertEquals("{\"p\":2}", Envelope.scan("{\"args\":{\"a\":1},\"params\":{\"p\":2},\"method\":\"m\"}").params().text());
    }

    @Test
    void idOfAnotherTypeIsInvalidAndNoIdMeansNoReply() {
        assertFalse(Envelope.scan("{\"id\":true,\"method\":\"m\"}").idValid());
        assertFalse(Envelope.scan("{\"method\":\"m\"}").wantsReply());
        assertTrue(Envelope.scan("{\"id\":0,\"method\":\"m\"}").wantsReply());
    }
}
