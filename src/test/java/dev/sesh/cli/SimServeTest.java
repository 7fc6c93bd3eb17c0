package dev.sesh.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sesh sim serve} as a separate process, reached the way a user reaches it: over TCP, over
 * WebSocket, and as a serial device made by socat, through jSerialComm (the real serial path).
 */
class SimServeTest {
    private static final Pattern SERVING = Pattern.compile("on (tcp://[0-9.]+:\\d+)(?:, (ws://[0-9.]+:\\d+/rpc))?");
    @TempDir Path home;
    private final List<Process> processes = new ArrayList<>();

    SeshRuns.Run sesh(String... args) { return SeshRuns.run(home, args); }

    /** Starts {@code sesh sim serve ARGS} in a child JVM and returns the first line naming the listeners. */
    String serve(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sim", "serve"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        processes.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = r.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("Ctrl-C stops")) return seen.toString();
        }
        throw new AssertionError("sim serve ended early:\n" + seen);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    @Test
    void boardServedOnTcpAnswersInfoFromAnotherProcess() throws Exception {
        String banner = serve("--listen", "tcp://127.0.0.1:0");
        Matcher m = SERVING.matcher(banner);
        assertTrue(m.find(), banner);
        SeshRuns.Run r = sesh("--port", m.group(1), "-c", "info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("esp8266_"), r.out());
        SeshRuns.Run again = sesh("--port", m.group(1), "--json", "info");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("\"uptime\""), again.out());
    }

    @Test
    void boardServedOnWebSocketAnswersCalls() throws Exception {
        String banner = serve("--listen", "tcp://127.0.0.1:0", "--listen", "ws://127.0.0.1:0/rpc");
        Matcher m = SERVING.matcher(banner);
        assertTrue(m.find() && m.group(2) != null, banner);
        SeshRuns.Run r = sesh("--port", m.group(2), "call", "RPC.Ping");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("channel_info"), r.out());
        assertTrue(r.out().contains("127.0.0.1:"), "the WebSocket is the board's own HTTP port, so Ping names the peer: " + r.out());
    }

    /** Issue 25: a reboot closes the board's socket; sesh reopens the link and waits, and the port stays. */
    @Test
    void rebootOverWebSocketWaitsForTheBoardAndThePortStays() throws Exception {
        String banner = serve("--listen", "tcp://127.0.0.1:0", "--listen", "ws://127.0.0.1:0/rpc");
        Matcher m = SERVING.matcher(banner);
        assertTrue(m.find() && m.group(2) != null, banner);
        SeshRuns.Run r = sesh("--port", m.group(2), "--yes", "reboot");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("reopened on try"), r.err());
        String http = m.group(2).replace("ws://", "http://");
        SeshRuns.Run after = sesh("--port", http, "call", "RPC.Ping");
        assertEquals(0, after.code(), after.err());
    }

    @Test
    void provisionedBoardShowsItsHttpsAddress() throws Exception {
        Path board = home.resolve("board1");
        SeshRuns.Run p = sesh("--port", "sim:" + board, "--yes-irreversible", "run", "scripts/examples/provision-https.groovy",
                "scripts/examples/configs/atca-aws-test.yaml", home.resolve("ecc.crt.pem").toString());
        assertEquals(0, p.code(), p.err());
        String banner = serve("--listen", "tcp://127.0.0.1:0", "--path", board.toString());
        Matcher m = Pattern.compile("sim serve: board \\S+ serves HTTPS at (https://127\\.0\\.0\\.1:\\d+) \\(device port 443\\)").matcher(banner);
        assertTrue(m.find(), banner);
        SeshRuns.Run r = sesh("--port", m.group(1) + "/rpc", "--ca", home.resolve("ecc.crt.pem").toString(), "-c", "info");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void nonLoopbackListenIsRefusedWithoutAllowRemote() {
        SeshRuns.Run r = sesh("sim", "serve", "--listen", "tcp://0.0.0.0:0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no authentication"), r.err());
        assertTrue(r.err().contains("--allow-remote"), r.err());
    }

    @Test
    void boardAppearsAsSerialDeviceThroughSocat() throws Exception {
        dev.sesh.testing.Tools.need("socat");
        Path link = home.resolve("ttySIM");
        String banner = serve("--listen", "tcp://127.0.0.1:0", "--pty", link.toString());
        assertTrue(banner.contains("also on serial"), banner);
        for (int i = 0; i < 100 && !Files.exists(link); i++) Thread.sleep(50);
        SeshRuns.Run r = sesh("--port", link.toString(), "-c", "info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("esp8266_"), r.out());
        for (int i = 0; i < 100 && !Files.exists(link); i++) Thread.sleep(50);   // socat is started again for the next client
        SeshRuns.Run again = sesh("--port", link.toString(), "call", "Sys.GetInfo");
        assertEquals(0, again.code(), again.err());
    }

}
