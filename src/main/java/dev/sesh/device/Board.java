package dev.sesh.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.SeshException;
import dev.sesh.bytes.Clock;
import dev.sesh.plan.Change;
import dev.sesh.plan.ChangeClassifier;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.ConfigRules;
import dev.sesh.plan.FrameClassifier;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;
import dev.sesh.rpc.CallOptions;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcRemoteException;
import dev.sesh.rpc.RpcResponse;
import dev.sesh.rpc.frame.FrameJson;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One connected board: the {@code board} object of scripts and what the board commands use.
 * Every call that may change the board goes through the {@link ChangeGate} first (design.md 5.9),
 * so {@code call}, {@code reboot} and Groovy's {@code board.call(...)} behave the same. Errors
 * reach callers as {@link SeshException}s; a board error is a {@link RemoteErrorException}.
 */
public final class Board implements AutoCloseable {
    private final RpcClient rpc;
    private final String portText;
    private final String portName;
    private final ChangeGate gate;
    private final Clock clock;
    private final List<Consumer<String>> logListeners = new CopyOnWriteArrayList<>();
    private volatile String id = "";
    private volatile boolean twin;
    private volatile List<String> methods = List.of();
    private volatile long logLines;
    /** A simulated board's HTTP port mapping line (docs/simulator.md, "HTTP and HTTPS"): device port, host URL. */
    private static final Pattern HTTP_MAPPING = Pattern.compile("HTTP \\[(\\d+)\\] is (\\S+) on this host");
    /** The last boot's mapping, {@code 443 -> https://127.0.0.1:PORT} (one HTTP listener per boot), or empty. */
    private volatile String httpMapping = "";
    private final DeviceFs fs = new DeviceFs(this);
    private final DeviceConfig config = new DeviceConfig(this);
    private final I2cBus i2c;

    /** Takes over {@code rpc}; {@code portText} as the user gave it, {@code portName} short for the prompt. */
    public Board(RpcClient rpc, String portText, String portName, ChangeGate gate, Clock clock) {
        this.rpc = rpc;
        this.portText = portText;
        this.portName = portName;
        this.gate = gate;
        this.clock = clock;
        this.i2c = new I2cBus(this, clock, ChangeClassifier.DEFAULT_CHIP_ADDRESS);
        rpc.addLogListener(line -> {
            logLines++;
            Matcher m = HTTP_MAPPING.matcher(line);
            if (m.find()) httpMapping = m.group(1) + " -> " + m.group(2);
            synchronized (early) {
                if (logListeners.isEmpty()) {
                    if (early.size() < EARLY_LINES) early.add(line);
                    return;
                }
            }
            for (Consumer<String> l : logListeners) l.accept(line);
        });
    }

    /** Lines the board printed before anyone listened (boot text while connecting), handed to the first listener. */
    private final List<String> early = new java.util.ArrayList<>();
    private static final int EARLY_LINES = 500;

    public String portText() { return portText; }

    public String portName() { return portName; }

    /** device.id as Sys.GetInfo last reported it (empty before the first {@link #info()}). */
    public String id() { return id; }

    /** What the prompt shows inside the brackets. */
    public String statusLine() { return twin ? portName + " TWIN" : portName; }

    /** True once Sys.GetInfo said this board is a twin (a simulated copy, issue 23). */
    public boolean isTwin() { return twin; }

    /** Which board a plan changes. */
    public Target target() { return Target.board(portText, id); }

    public ChangeGate gate() { return gate; }

    /** The clock this board's timeouts, reboots and transfer rates are measured on. */
    public Clock clock() { return clock; }

    /** The board's filesystem (the {@code fs} object); one per board, so its completion cache is shared. */
    public DeviceFs fs() { return fs; }

    /** The board's configuration (the {@code config} object); one per board. */
    public DeviceConfig config() { return config; }

    /** I2C bus 0 (the {@code i2c} object); one per board, so the last scan is remembered for completion. */
    public I2cBus i2c() { return i2c; }

    /** Device log lines (text between frames), delivered in stream order. */
    public void addLogListener(Consumer<String> listener) {
        List<String> replay;
        synchronized (early) {
            // The first listener also gets what arrived while connecting (a simulated board's boot lines).
            replay = List.copyOf(early);
            early.clear();
            logListeners.add(listener);
            replay.forEach(listener);
        }
    }

    public void removeLogListener(Consumer<String> listener) { logListeners.remove(listener); }

    /** Sys.GetInfo (mos-rpc.md 4.2). */
    public BoardInfo info() {
        String json = raw("Sys.GetInfo", null);
        BoardInfo info = BoardInfos.parse(json);
        id = info.id();
        twin = info.twinOf().isPresent();
        return info;
    }

    /**
     * Calls {@code method} with {@code paramsJson} (JSON text or null) like {@code mos call} and
     * returns the result as JSON text ({@code null} when the board sent none). A method the
     * classifier does not know to be read-only goes through the gate first.
     */
    public String call(String method, String paramsJson) {
        if (paramsJson != null && !paramsJson.isBlank()) FrameJson.parse(paramsJson);   // bad JSON: a usage error, nothing sent
        Change.RpcCall change;
        try {
            change = Change.RpcCall.of(method, paramsJson == null ? "" : paramsJson);
        } catch (IllegalArgumentException readOnly) {
            return raw(method, paramsJson);
        }
        if (method.equalsIgnoreCase("Config.Set")) checkConfigSet(paramsJson);
        Plan plan = Plan.builder("call " + method + " on " + target().describe(), target()).change(change).build();
        return gate.apply(plan, () -> {
            try {
                return raw(method, paramsJson);
            } catch (dev.sesh.rpc.RpcTimeoutException e) {
                throw changeReplyLost(e);
            } finally {
                chipMayHaveChanged();
            }
        });
    }

    private final java.util.concurrent.atomic.AtomicLong chipEpoch = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Counts the changes sent to this board outside the chip's own API (a gated {@code call}, an
     * I2C write): what the chip's remembered state (atca.Atecc) is checked against before it is
     * trusted.
     */
    public long chipEpoch() { return chipEpoch.get(); }

    /** A change that may have reached the chip went out other than through atca.Atecc. */
    public void chipMayHaveChanged() { chipEpoch.incrementAndGet(); }

    /**
     * A change whose reply was lost (no answer in time, or a broken frame): the board may have
     * applied it, so the user is told to look before repeating it (design.md 5.7).
     */
    static SeshException changeReplyLost(dev.sesh.rpc.RpcTimeoutException e) {
        String why = e.brokenFrame().isEmpty() ? "no answer within " + e.timeout().toMillis() / 1000.0 + " s" : "its reply was a broken frame";
        return new SeshException("the reply to " + e.method() + " was lost (" + why + "): the change may have taken effect",
                "look before repeating it (fs ls, config get, i2c read ...); if the board stays silent, check the port and baud rate",
                e.exitCode(), e);
    }

    /** True when calls travel over the board's RPC UART (serial, in-process sim, TCP bridge), not HTTP or WebSocket. */
    public boolean linkIsRpcUart() { return rpc.profile().delimited(); }

    // A raw Config.Set meets the same boot rules as config set; its frame is the user's, so it is refused rather than fixed.
    private void checkConfigSet(String paramsJson) {
        JsonNode p = paramsJson == null || paramsJson.isBlank() ? null : FrameJson.parse(paramsJson);
        if (p == null || !p.path("config").isObject()) return;
        @SuppressWarnings("unchecked")
        Map<String, Object> patch = FrameJson.mapper().convertValue(p.get("config"), Map.class);
        Map<String, Object> current = new LinkedHashMap<>();
        try {
            ConfigKeys.leaves(FrameJson.parse(raw("Config.Get", null))).forEach((k, v) -> current.put(k, ConfigKeys.plain(v)));
        } catch (dev.sesh.rpc.RpcTimeoutException unreadable) {
            // A config the board cannot print (a non-ASCII value) must stay repairable with a raw Config.Set.
        }
        ConfigRules.Verdict v = ConfigRules.check(current, ConfigRules.flatten(patch), linkIsRpcUart());
        if (v.refused()) throw SeshException.badArg(v.refusal().get().message(), v.refusal().get().hint());
        if (!v.fixes().isEmpty()) {
            String keys = String.join(" ", v.fixes().keySet().stream().map(k -> k + "=" + v.fixes().get(k)).toList());
            throw SeshException.badArg("Config.Set " + v.notes().get(0).replaceFirst("^adds ", "needs "),
                    "add " + keys + " to the config, or use: config set " + String.join(" ", ConfigRules.flatten(patch).keySet().stream()
                            .map(k -> k + "=" + ConfigRules.flatten(patch).get(k)).toList()) + " " + keys);
        }
    }

    /**
     * Calls {@code method} without the gate; for the device API's own read-only calls and for
     * changes whose plan the caller has already had approved.
     */
    public String raw(String method, String paramsJson) {
        return raw(method, paramsJson, CallOptions.DEFAULT);
    }

    /**
     * As {@link #raw(String, String)} with explicit call options (timeout, idempotence). A request
     * that changes nothing and meets the last 100 ms before a reboot someone else scheduled (418
     * {@code shutting down in N ms}: the board did not run it, mos-rpc.md 3) is sent once more when
     * the board is back; a change is not, its caller sees the 418.
     */
    public String raw(String method, String paramsJson, CallOptions options) {
        try {
            return send(method, paramsJson, options);
        } catch (RemoteErrorException e) {
            if (e.code() != 418 || !e.remoteMessage().startsWith("shutting down") || FrameClassifier.classify(method, paramsJson).isChange()) throw e;
            waitUntilBack(Duration.ofSeconds(REBOOT_BACK_SECONDS));
            return send(method, paramsJson, options);
        }
    }

    /** How long a board may take to come back from a reboot it announced with 418. */
    private static final long REBOOT_BACK_SECONDS = 20;

    private String send(String method, String paramsJson, CallOptions options) {
        try {
            RpcResponse r = rpc.call(method, paramsJson, options);
            return r.resultJson();
        } catch (RpcRemoteException e) {
            throw new RemoteErrorException(method, e.code(), e.remoteMessage(), e.hint());
        }
    }

    /** The most bytes of params a request for {@code method} may carry on this board's link ({@link RpcClient#maxParamsBytes}). */
    public int maxParamsBytes(String method) { return rpc.maxParamsBytes(method); }

    /** RPC.List, sorted as the board sent it (newest registration first); refreshes the completion cache. */
    public List<String> methods() {
        JsonNode n = FrameJson.parse(raw("RPC.List", null));
        List<String> names = new java.util.ArrayList<>();
        n.forEach(e -> names.add(e.asText()));
        methods = List.copyOf(names);
        return methods;
    }

    /** The method names from the last {@link #methods()} call, for completion (never blocks). */
    public List<String> cachedMethods() { return methods; }

    /** RPC.Describe's args_fmt for {@code method} (empty when the method takes no arguments). */
    public String describe(String method) {
        JsonNode n = FrameJson.parse(raw("RPC.Describe", FrameJson.write(Map.of("name", method))));
        return n.path("args_fmt").asText("");
    }

    /**
     * Sys.Reboot after the gate approves; with {@code waitBack} waits until the board is back (its
     * boot text's {@code Init done}, else, after the delay, an answer to Sys.GetInfo) and returns how long that took.
     */
    public Duration reboot(int delayMs, boolean waitBack) {
        if (delayMs < 0) throw SeshException.badArg("negative reboot delay " + delayMs + " ms", "give 0 or more milliseconds");
        Plan plan = Plan.builder("reboot " + target().describe(), target())
                .change(Change.RpcCall.of("Sys.Reboot", "{\"delay_ms\":" + delayMs + "}"))
                .build();
        return gate.apply(plan, () -> {
            long start = clock.nanos();
            // Watching from before the request: until the delay has passed the board still answers
            // (only the last 100 ms before a reboot get 418), so an answer alone does not mean it is back.
            try (BootWatch boot = watchBoot()) {
                raw("Sys.Reboot", "{\"delay_ms\":" + delayMs + "}");
                boot.answered();
                if (waitBack) boot.awaitBack(Duration.ofMillis(delayMs + 400L), Duration.ofMillis(delayMs + 15_000L));
            }
            return Duration.ofNanos(clock.nanos() - start);
        });
    }

    /**
     * Starts watching the device log for a boot's end, Mongoose OS's {@code Init done} line
     * (mgos_init.c; mos-captures README 5), before a call that reboots the board: afterwards
     * {@link BootWatch#awaitBack} waits for that line instead of a fixed sleep and polls.
     */
    public BootWatch watchBoot() { return new BootWatch(); }

    /**
     * Log lines of one reboot; close it when done. Only lines after {@link #answered} count: what
     * came before the reply to the request that reboots is the old boot's text (a board connected
     * right after a reset still sends its first {@code Init done} then).
     */
    public final class BootWatch implements AutoCloseable {
        private final Consumer<String> listener = this::line;
        private boolean answered;   // guarded by this
        private boolean printed;    // guarded by this
        private boolean up;         // guarded by this

        private BootWatch() { rpc.addLogListener(listener); }

        private synchronized void line(String l) {
            if (!answered) return;
            printed = true;
            if (l.contains("Init done")) up = true;
            notifyAll();
        }

        /**
         * The request that reboots the board was answered: lines from now on are the reboot's. (A
         * new boot's text that raced ahead of this call is missed; the wait then polls after {@code quiet}.)
         */
        public synchronized void answered() { answered = true; }

        /**
         * Waits until the board is back: its boot text ends with {@code Init done} (true at once),
         * or, when it prints nothing within {@code quiet} (log output off or elsewhere) or not that
         * line within {@code limit}, until it answers Sys.GetInfo again ({@link #waitUntilBack}).
         */
        public void awaitBack(Duration quiet, Duration limit) {
            long start = clock.nanos();
            long realStart = System.nanoTime();
            long seen = start;               // a virtual clock's last reading, and when (real time) it last moved
            long movedAt = realStart;
            synchronized (this) {
                while (!up) {
                    long now = clock.nanos();
                    long realNow = System.nanoTime();
                    long waited = now - start;
                    long bound = (printed ? limit : quiet).toNanos();
                    if (!clock.isVirtual()) {
                        if (waited >= bound) break;
                    } else {
                        // The same span of real time must pass too (the simulator moves the clock); and a
                        // virtual clock that stands still for 2 s has nothing left to run on the board
                        // (its reboot, if any, is over: a delayed reply can arrive after the new boot's text).
                        if (now != seen) {
                            seen = now;
                            movedAt = realNow;
                        }
                        boolean still = realNow - movedAt >= 2_000_000_000L;
                        if (still || waited >= bound && realNow - realStart >= Math.max(bound, 1_000_000_000L)) break;
                    }
                    try {
                        wait(clock.isVirtual() ? 2 : Math.max(1, (bound - waited) / 1_000_000L));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw SeshException.failed("interrupted while the board reboots", "connect again when the board is back");
                    }
                }
                if (up) return;
            }
            waitUntilBack(limit.minus(Duration.ofNanos(clock.nanos() - start)).plusSeconds(1));
        }

        @Override public void close() { rpc.removeLogListener(listener); }
    }

    private volatile java.util.function.Function<String, ?> twinMaker;

    /**
     * Writes a twin of this board into folder {@code dir} (a {@code sim:DIR} board: files, saved
     * config, the chip as read, fresh random values where the chip cannot be read); the same as
     * {@code atca.twin(dir)}, whose result it returns. Reads only. Refused when {@code dir} holds anything.
     */
    public Object twin(String dir) {
        java.util.function.Function<String, ?> maker = twinMaker;
        if (maker == null) throw SeshException.badArg("this board has no chip driver to copy the chip with", "use atca.twin('" + dir + "')");
        return maker.apply(dir);
    }

    /**
     * Called by the session that adopts this board: how {@link #twin} reaches the chip. The first
     * call wins, so nothing can replace it later.
     */
    public synchronized void twinWith(java.util.function.Function<String, ?> maker) {
        if (twinMaker == null) twinMaker = maker;
    }

    private volatile boolean completionCaches = true;

    /**
     * Whether the device API refreshes what completion offers (device file names, config keys) in
     * the background after a change. A one-shot run ({@code -c}, {@code run FILE}) turns it off: it
     * exits without completing anything, and the reads would share the wire with its own calls.
     */
    public boolean completionCaches() { return completionCaches; }

    public void completionCaches(boolean on) { completionCaches = on; }

    /** Polls Sys.GetInfo until the board answers, after a reboot; throws when {@code limit} passes. */
    public void waitUntilBack(Duration limit) {
        long deadline = clock.nanos() + limit.toNanos();
        SeshException last = null;
        while (clock.nanos() < deadline) {
            try {
                send("Sys.GetInfo", null, CallOptions.DEFAULT.withTimeout(Duration.ofMillis(1000)));
                return;
            } catch (RemoteErrorException e) {
                last = e;                       // 418 while shutting down: not back yet
                sleep(100);
            } catch (SeshException e) {
                last = e;
                // The link itself is gone (a cut cable, a closed port): no answer can come over it, and
                // asking again at once would only spin until the deadline (for ever on a virtual clock).
                if (!rpc.isOpen()) throw e;
                sleep(100);
            }
        }
        throw SeshException.unreachable("board did not come back within " + limit.toSeconds() + " s after the reboot"
                + (last == null ? "" : " (" + last.getMessage() + ")"), "check the board's power and log; then connect again");
    }

    /**
     * A client for this board's HTTPS page that trusts only the certificate(s) in {@code certFile}.
     * The address is the simulated board's HTTPS listener (from its boot log), else the board's
     * Wi-Fi address on port 443; {@link #https(String, String)} names it.
     */
    public BoardHttps https(String certFile) {
        String m = httpMapping;
        if (m.startsWith("443 -> ")) return https(certFile, m.substring("443 -> ".length()));
        String ip = info().wifi().staIp();
        if (!ip.isEmpty()) return https(certFile, "https://" + ip);
        throw SeshException.badArg("this board reported no HTTPS address (no simulated listener, no Wi-Fi address)",
                "give it: board.https('" + certFile + "', 'https://192.168.1.20')");
    }

    /** A client for {@code baseUrl} (e.g. {@code https://192.168.1.20}) that trusts only {@code certFile}. */
    public BoardHttps https(String certFile, String baseUrl) {
        if (!baseUrl.startsWith("https://")) throw SeshException.badArg("not an https:// URL: " + baseUrl, "give e.g. https://192.168.1.20");
        return new BoardHttps(baseUrl, java.nio.file.Path.of(certFile));
    }

    /** Counters for {@code status}. */
    public Map<String, Object> linkStats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wire", rpc.profile().toString());
        m.put("device_log_lines", logLines);
        if (!httpMapping.isEmpty()) m.put("device_http", httpMapping);
        return m;
    }

    private void sleep(long ms) {
        try {
            clock.sleepMillis(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("interrupted", "");
        }
    }

    /** Optional view of a JSON text, for callers that tolerate a missing field. */
    static Optional<JsonNode> field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /**
     * Hands every frame of this board's link to {@code listener} (the decoded wire trace, issue 19)
     * until the returned handle is closed.
     */
    public AutoCloseable addFrameListener(FrameListener listener) {
        dev.sesh.rpc.WireTrace t = (direction, json) -> listener.frame(direction == dev.sesh.rpc.WireTrace.Direction.SENT, json);
        rpc.addWireTrace(t);
        return () -> rpc.removeWireTrace(t);
    }

    /** False once the link to the board has closed (the peer hung up or the port went away). */
    public boolean isOpen() { return rpc.isOpen(); }

    @Override public void close() { rpc.close(); }
}
