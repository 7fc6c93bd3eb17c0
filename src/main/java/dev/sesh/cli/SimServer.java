package dev.sesh.cli;

import dev.sesh.SeshException;
import dev.sesh.bytes.Clock;
import dev.sesh.rpc.listen.ListenSpec;
import dev.sesh.rpc.listen.Listener;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.rpc.listen.PtyBridge;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import dev.sesh.sim.SimRpcServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@code sim serve}: N boards, each on every listen address (port + board index), one client
 * connection at a time per board; optionally a pty through socat. Real time (design.md 5.4).
 * Blocks until the process is stopped.
 */
final class SimServer {
    private final SimServeCommand.Options o;
    private final PrintStream err;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private static final long TICK_MS = 20;

    SimServer(SimServeCommand.Options o, PrintStream err) {
        this.o = o;
        this.err = err;
    }

    int serve() {
        List<ListenSpec> specs = new ArrayList<>();
        for (String l : o.listen.isEmpty() ? List.of("tcp://127.0.0.1:7777") : o.listen) specs.add(ListenSpec.parse(l));
        if (o.boards < 1) throw SeshException.badArg("--boards must be 1 or more", "e.g. --boards 3");
        if (o.pty != null && specs.stream().noneMatch(s -> s.scheme() == ListenSpec.Scheme.TCP)) {
            throw SeshException.badArg("--pty needs a tcp:// listener to bridge", "add --listen tcp://127.0.0.1:7777");
        }
        for (ListenSpec s : specs) {
            if (!s.loopback()) {
                if (!o.allowRemote) {
                    throw SeshException.badArg("refusing to serve the simulator on " + s.host() + ": it has no authentication",
                            "bind 127.0.0.1, or add --allow-remote if you really mean to expose it");
                }
                err.println("warning: serving an unauthenticated simulated board on " + s.host() + " (--allow-remote)");
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "sim-serve-stop"));
        try {
            for (int i = 0; i < o.boards; i++) startBoard(i, specs);
            err.println("sim serve: Ctrl-C stops");
            err.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            closeAll();
            throw SeshException.failed("cannot listen: " + e.getMessage(), "is the port already in use? pick another with --listen");
        }
        return 0;
    }

    private void startBoard(int index, List<ListenSpec> specs) throws IOException {
        // ws:// is the board's own HTTP server, as on the firmware: HTTP and the RPC WebSocket at /rpc on one port.
        List<ListenSpec> web = specs.stream().filter(s -> s.scheme() == ListenSpec.Scheme.WS).toList();
        if (web.size() > 1) throw SeshException.badArg("a board has one HTTP port: give one ws:// listener", "e.g. --listen ws://127.0.0.1:8080/rpc");
        int httpPort = web.isEmpty() ? 0 : web.get(0).port() == 0 ? freePort() : web.get(0).port() + index;
        if (!web.isEmpty() && !web.get(0).loopback()) {
            throw SeshException.badArg("the simulated board's HTTP server listens on 127.0.0.1 only, not " + web.get(0).host(),
                    "use --listen ws://127.0.0.1:PORT/rpc");
        }
        SimOptions options = options(index, httpPort);
        if (options.seedPinned()) err.println(SimPorts.pinnedNotice(options.seed()));
        SimBoard board = SimFirmware.open(options, Clock.system());
        String name = board.identity().defaultDeviceId();
        board.tapLog(new HttpsAddress(name, err)::line);
        board.powerOn(); // boots now, so its HTTP(S) server runs before any UART client connects
        startTicker(board);
        List<String> urls = new ArrayList<>();
        Listener tcp = null;
        for (ListenSpec s : specs) {
            if (s.scheme() == ListenSpec.Scheme.WS) {
                urls.add("ws://127.0.0.1:" + httpPort + "/rpc (and http://127.0.0.1:" + httpPort + "/rpc)");
                continue;
            }
            ListenSpec at = new ListenSpec(s.scheme(), s.host(), s.port() == 0 ? 0 : s.port() + index);
            Listener l = Listener.open(at, link -> serveOne(board, link));
            open.add(l);
            urls.add(l.url());
            if (s.scheme() == ListenSpec.Scheme.TCP && tcp == null) tcp = l;
        }
        String who = board.identity().defaultDeviceId() + " (" + chipName() + ")";
        err.println("sim serve: board " + who + " on " + String.join(", ", urls));
        if (o.pty != null) {
            String link = o.boards == 1 ? o.pty : o.pty + index;
            open.add(PtyBridge.start(Path.of(link).toAbsolutePath(), tcp.address()));
            err.println("sim serve: board " + who + " also on serial " + link + " (socat)");
        }
    }

    /** A free loopback port for a ws:// listener given as port 0. */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Runs the board's timers (a scheduled reboot) while no UART client drives it: a board reached
     * only over HTTP or its WebSocket must still reboot on time, closing its sockets.
     */
    private void startTicker(SimBoard board) {
        Thread t = new Thread(() -> {
            while (stop.getCount() > 0) {
                board.poll();
                try {
                    Thread.sleep(TICK_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sim-serve-tick");
        t.setDaemon(true);
        t.start();
    }

    /** Serves one client connection to {@code board}; returns when the client leaves. */
    private static void serveOne(SimBoard board, dev.sesh.rpc.transport.Transport link) {
        SimRpcServer server = board.attach(link);
        try {
            server.join(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints the board's HTTPS address when its HTTP server starts with TLS (at boot, and after a reboot moves it). */
    private static final class HttpsAddress {
        private final String board;
        private final PrintStream err;
        private String last = "";

        HttpsAddress(String board, PrintStream err) {
            this.board = board;
            this.err = err;
        }

        synchronized void line(String message) {
            java.util.regex.Matcher m = dev.sesh.sim.http.HttpService.MAPPING.matcher(message);
            if (!m.find() || !m.group(2).startsWith("https://") || m.group(2).equals(last)) return;
            last = m.group(2);
            err.println("sim serve: board " + board + " serves HTTPS at " + last + " (device port " + m.group(1) + ")");
            err.flush();
        }
    }

    private SimOptions options(int index, int httpPort) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("chip", o.chip);
        if (o.faults != null) q.put("faults", o.faults);
        if (o.baud != null) q.put("baud", String.valueOf(o.baud));
        if (o.httpsPort != null) q.put("https_port", String.valueOf(o.httpsPort + index));
        if (httpPort > 0) q.put("http_port", String.valueOf(httpPort));
        // Only a given --seed pins the chip's RNG; without one each board's chip draws from a CSPRNG.
        if (o.seed != null) q.put("seed", String.valueOf(o.seed + index));
        String path = "";
        if (o.path != null) {
            Path dir = o.boards == 1 ? Path.of(o.path) : Path.of(o.path).resolve("board" + index);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw SeshException.failed("cannot create " + dir + ": " + e.getMessage(), "give --path a folder you can write to");
            }
            path = dir.toString();
        }
        return SimOptions.from(new PortSpec.Sim(path, q));
    }

    private String chipName() { return o.chip.toLowerCase().contains("608") ? "ATECC608A" : "ATECC508A"; }

    private void closeAll() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping: a listener that fails to close has nothing left to serve
            }
        }
        stop.countDown();
    }
}
