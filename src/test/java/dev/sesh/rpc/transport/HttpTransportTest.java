package dev.sesh.rpc.transport;

import com.sun.net.httpserver.HttpServer;
import dev.sesh.SeshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RPC over HTTP, full frame (mos-rpc.md 3), against a JDK HTTP server standing in for the board. */
class HttpTransportTest {
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;

    @BeforeEach void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rpc", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            byte[] reply = new byte[0];
            if (x.getRequestMethod().equals("POST")) {
                String frame = new String(body, StandardCharsets.UTF_8);
                posted.add(frame);
                if (frame.contains("\"id\"")) reply = "{\"id\":1,\"src\":\"dev\",\"result\":true}\r\n".getBytes(StandardCharsets.UTF_8);
            }
            x.sendResponseHeaders(x.getRequestMethod().equals("POST") ? status : 200, reply.length == 0 ? -1 : reply.length);
            x.getResponseBody().write(reply);
            x.close();
        });
        server.start();
    }

    @AfterEach void stop() { server.stop(0); }

    private URI uri() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc"); }

    private static String readLine(Transport t) throws IOException {
        byte[] buf = new byte[4096];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100 && sb.indexOf("}\n") < 0; i++) {
            int n = t.read(buf, 0, buf.length, 50);
            if (n < 0) break;
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @Test void parsesHttpAndHttpsPorts() {
        PortSpec p = PortSpec.parse("https://127.0.0.1:8443/rpc", 115200);
        PortSpec.Http h = assertInstanceOf(PortSpec.Http.class, p);
        assertTrue(h.secure());
        assertEquals("127.0.0.1:8443", h.shortName());
        assertInstanceOf(PortSpec.Http.class, PortSpec.parse("http://board.local/rpc", 115200));
    }

    @Test void eachFrameIsOnePostOfItsJsonAndTheReplyReadsAsOneLine() throws IOException {
        try (Transport t = HttpTransport.connect(uri(), Duration.ofSeconds(2), Optional.empty())) {
            assertEquals(Transport.Kind.HTTP, t.kind());
            t.write("\n\"\"\"{\"id\":1,\"method\":\"Sys.GetInfo\"}\"\"\"\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("\n{\"id\":1,\"src\":\"dev\",\"result\":true}\n", readLine(t));
            assertEquals(List.of("{\"id\":1,\"method\":\"Sys.GetInfo\"}"), posted);
        }
    }

    @Test void aRequestWithoutIdGetsNothingBack() throws IOException {
        try (Transport t = HttpTransport.connect(uri(), Duration.ofSeconds(2), Optional.empty())) {
            t.write("{\"method\":\"Sys.Reboot\"}\n".getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[64];
            assertEquals(0, t.read(buf, 0, buf.length, 200));
            assertEquals(List.of("{\"method\":\"Sys.Reboot\"}"), posted);
        }
    }

    @Test void aStatusOtherThan200EndsTheLinkWithTheStatus() throws IOException {
        status = 404;
        try (Transport t = HttpTransport.connect(uri(), Duration.ofSeconds(2), Optional.empty())) {
            t.write("{\"id\":2,\"method\":\"X\"}\n".getBytes(StandardCharsets.UTF_8));
            IOException e = assertThrows(IOException.class, () -> readLine(t));
            assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        }
    }

    @Test void nothingListeningIsUnreachable() {
        server.stop(0);
        SeshException e = assertThrows(SeshException.class, () -> HttpTransport.connect(uri(), Duration.ofSeconds(2), Optional.empty()));
        assertEquals(4, e.exitCode());
        assertTrue(e.getMessage().contains("nothing accepts connections"), e.getMessage());
    }
}
