package dev.sesh.shell;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorReporterTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);

    @Test
    void anInterruptAnywhereInTheChainIsReportedAsCancelled() {
        SeshException closed = new SeshException("connection to sim: closed", "check the cable", SeshException.UNREACHABLE,
                new InterruptedException());
        int code = new ErrorReporter(false).report(new RuntimeException(closed), err);
        assertEquals("error: cancelled\n", text.toString().replace("\r", ""));
        assertEquals(SeshException.FAILED, code);
    }

    @Test
    void aSeshExceptionIsOneErrorLineAndOneHintLine() {
        int code = new ErrorReporter(false).report(SeshException.badArg("slot 16 does not exist", "slots are 0-15"), err);
        assertEquals("error: slot 16 does not exist\nhint: slots are 0-15\n", text.toString().replace("\r", ""));
        assertEquals(SeshException.USAGE, code);
    }
}
