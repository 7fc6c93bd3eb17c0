package dev.sesh;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing in sesh opens a listening socket except the simulated board's own listeners: `sim serve`
 * (cli.SimServer through rpc.listen's listeners, loopback unless --allow-remote, tested in
 * SimServeTest) and the simulated board's HTTP/HTTPS server (sim.http, loopback only). Read from
 * the main sources, so a new listener anywhere else fails here.
 */
class ListeningSocketsTest {
    private static final Pattern LISTENING = Pattern.compile(
            "\\b(ServerSocket|ServerSocketChannel|AsynchronousServerSocketChannel|HttpServer|DatagramSocket|MulticastSocket"
            + "|TcpListener|WebSocketListener|ListenSpec|OneClientServer|HttpListener)\\b");
    private static final Set<String> ALLOWED = Set.of(
            "cli/SimServer.java",
            "rpc/listen/ListenSpec.java", "rpc/listen/Listener.java", "rpc/listen/OneClientServer.java",
            "rpc/listen/TcpListener.java", "rpc/listen/WebSocketListener.java",
            "rpc/listen/WsServerTransport.java",        // the server side of one connection, in its Javadoc
            "sim/http/HttpListener.java", "sim/http/HttpService.java");

    @Test void onlyTheSimulatedBoardsListenersOpenServerSockets() throws IOException {
        Path root = Path.of("src/main/java/dev/sesh");
        Map<String, String> offenders = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                var m = LISTENING.matcher(Files.readString(p));
                if (m.find() && !ALLOWED.contains(rel)) offenders.put(rel, m.group());
            }
        }
        assertEquals(Map.of(), offenders);
    }

    @Test void theSimulatedHttpServerBindsLoopbackOnly() throws IOException {
        String http = Files.readString(Path.of("src/main/java/dev/sesh/sim/http/HttpListener.java"));
        assertTrue(http.contains("bind(new InetSocketAddress(InetAddress.getLoopbackAddress()"), "HttpListener must bind the loopback address");
        assertEquals(1, http.split("\\.bind\\(", -1).length - 1, "one bind, the loopback one");
    }
}
