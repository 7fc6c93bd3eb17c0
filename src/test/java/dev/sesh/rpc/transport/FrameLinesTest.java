package dev.sesh.rpc.transport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameLinesTest {
    private static List<String> feed(FrameLines f, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return f.feed(b, 0, b.length);
    }

    @Test void newlineFramedJsonBecomesOneMessage() {
        assertEquals(List.of("{\"id\":1,\"method\":\"Sys.GetInfo\"}"), feed(new FrameLines(), "\n{\"id\":1,\"method\":\"Sys.GetInfo\"}\n"));
    }

    @Test void stripsQ3CrcAndCarriageReturn() {
        assertEquals(List.of("{\"method\":\"Sys.GetInfo\"}"), feed(new FrameLines(), "\n\"\"\"{\"method\":\"Sys.GetInfo\"}010a4ff9\"\"\"\r\n"));
    }

    @Test void dropsEmptyLinesHandshakeAndLogText() {
        FrameLines f = new FrameLines();
        assertEquals(List.of(), feed(f, "\n\n\"\"\"\u0004\"\"\"\n\n"));
        assertEquals(List.of(), feed(f, "mg_rpc.c:313            Sys.GetInfo via UART UART0\n"));
    }

    @Test void keepsPartialLineAcrossWrites() {
        FrameLines f = new FrameLines();
        List<String> got = new ArrayList<>();
        String stream = "\n{\"id\":7}\n{\"id\":8}\n";
        for (char c : stream.toCharArray()) got.addAll(feed(f, String.valueOf(c)));
        assertEquals(List.of("{\"id\":7}", "{\"id\":8}"), got);
    }

    @Test void overlongLineIsDroppedAndTheNextOneStillWorks() {
        FrameLines f = new FrameLines();
        assertEquals(List.of(), feed(f, "{" + "x".repeat(FrameLines.MAX_LINE + 1)));
        assertEquals(List.of(), feed(f, "}\n"));
        assertEquals(List.of("{}"), feed(f, "{}\n"));
    }

    @Test void messageReadsAsOneNewlineDelimitedFrame() {
        assertArrayEquals("\n{\"id\":1}\n".getBytes(StandardCharsets.US_ASCII), FrameLines.asStreamLine("{\"id\":1}\n"));
    }
}
