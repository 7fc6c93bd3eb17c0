package dev.sesh.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.device.Board;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.rpc.frame.FrameEvent;
import dev.sesh.rpc.frame.FrameJson;
import dev.sesh.rpc.frame.Role;
import dev.sesh.rpc.frame.StreamFramer;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.transport.Transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * An expect/reply peer on the device end of a link, in lockstep: each request frame it reads must
 * match the next expectation, which then answers, stays silent (moving the virtual clock on so the
 * client's wait runs out), or writes raw bytes. Handshake probes are answered as the device does,
 * optionally after losing the first few. Failures are collected and reported by {@link #verify()}.
 */
public final class ScriptedBoard implements AutoCloseable {
    public static final String DEVICE_ID = "esp8266_0A1B2C";

    private final Transport link;
    private final VirtualClock clock;
    private final Deque<Expectation> script = new ArrayDeque<>();
    private final List<String> failures = new ArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread thread;
    private int probesToLose;
    private int probesSeen;
    private boolean probesIgnoredSilently;
    private volatile boolean stopped;

    public ScriptedBoard(Transport deviceEnd, VirtualClock clock) {
        this.link = deviceEnd;
        this.clock = clock;
        this.thread = new Thread(this::run, "scripted-board");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A {@link Board} over the host end of {@code pair} whose device end a
     * ScriptedBoard answers, on {@code clock}, with a gate that approves every plan.
     */
    public static Board approvingBoard(InProcessTransport.Pair pair, VirtualClock clock) {
        ChangeGate approve = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
        };
        return new Board(new RpcClient(pair.host(), RpcOptions.defaults().withClock(clock)), "scripted", "scripted", approve, clock);
    }

    /** A scripted peer and an approving {@link Board} talking to it in-process, on one virtual clock. */
    public record Rig(VirtualClock clock, ScriptedBoard peer, Board board) implements AutoCloseable {
        public static Rig open() {
            VirtualClock clock = new VirtualClock();
            InProcessTransport.Pair pair = InProcessTransport.pair();
            return new Rig(clock, new ScriptedBoard(pair.device(), clock), approvingBoard(pair, clock));
        }

        @Override public void close() throws IOException {
            try (peer) {
                board.close();
            }
        }
    }

    /** Ignores the first {@code n} handshake probes, moving the clock on by the 200 ms probe interval each; later ones are answered. */
    public synchronized ScriptedBoard loseProbes(int n) {
        probesToLose = n;
        return this;
    }

    /** Never answers a probe and leaves the clock alone (a dead line on a clock nobody moves). */
    public synchronized ScriptedBoard ignoreProbes() {
        probesToLose = Integer.MAX_VALUE;
        probesIgnoredSilently = true;
        return this;
    }

    public synchronized int probesSeen() { return probesSeen; }

    /** The next request must call {@code method}. */
    public synchronized Expectation expect(String method) {
        Expectation e = new Expectation(method);
        script.add(e);
        return e;
    }

    /** Everything the client wrote so far. */
    public synchronized byte[] received() { return received.toByteArray(); }

    /** Writes bytes as the device would (log lines, boot text). */
    public void send(String latin1) { write(latin1.getBytes(StandardCharsets.ISO_8859_1)); }

    /** Throws if a request did not match or an expectation was not used. */
    public synchronized void verify() {
        List<String> all = new ArrayList<>(failures);
        script.forEach(e -> all.add("expected " + e.method + " was never called"));
        if (!all.isEmpty()) throw new AssertionError(String.join("; ", all));
    }

    @Override public void close() throws IOException {
        stopped = true;
        link.close();
    }

    /** What to do with one request. Replies use the device's Q3 + CRC framing unless told otherwise. */
    public final class Expectation {
        private final String method;
        private Action action;

        private Expectation(String method) { this.method = method; }

        public void reply(String resultJson) { action = (id, src) -> write(FrameCodec.encode(envelope(id, src, "\"result\":" + resultJson), true, true)); }

        public void replyError(int code, String message) {
            action = (id, src) -> write(FrameCodec.encode(envelope(id, src, "\"error\":{\"code\":" + code + ",\"message\":" + FrameJson.write(message) + "}"), true, true));
        }

        /** Sends {@code logLine} first, then the reply. */
        public void logThenReply(String logLine, String resultJson) {
            action = (id, src) -> {
                send(logLine + "\n");
                write(FrameCodec.encode(envelope(id, src, "\"result\":" + resultJson), true, true));
            };
        }

        /** A reply whose CRC field is wrong (as if a byte flipped on the line); then the clock moves on by {@code wait}. */
        public void replyWithBadCrc(String resultJson, Duration wait) {
            action = (id, src) -> {
                send("\n\"\"\"" + envelope(id, src, "\"result\":" + resultJson) + "00000000\"\"\"\n");
                clock.advance(wait.toNanos());
            };
        }

        /** A reply to another id first (a stale answer), then the real one. */
        public void replyToOtherIdThenReply(long otherId, String otherResult, String resultJson) {
            action = (id, src) -> {
                write(FrameCodec.encode(envelope(otherId, src, "\"result\":" + otherResult), true, true));
                write(FrameCodec.encode(envelope(id, src, "\"result\":" + resultJson), true, true));
            };
        }

        /** Exactly these bytes, whatever the request id. */
        public void replyRaw(String latin1) { action = (id, src) -> send(latin1); }

        /** No answer; the virtual clock moves on by {@code wait} so the client gives up. */
        public void noReply(Duration wait) { action = (id, src) -> clock.advance(wait.toNanos()); }

        /** Closes the link instead of answering. */
        public void hangUp() {
            action = (id, src) -> {
                try {
                    link.close();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
    }

    @FunctionalInterface
    private interface Action { void run(long id, String src); }

    private static String envelope(long id, String src, String body) {
        return "{\"id\":" + id + ",\"src\":\"" + DEVICE_ID + "\"" + (src.isEmpty() ? "" : ",\"dst\":\"" + src + "\"") + "," + body + "}";
    }

    private void run() {
        StreamFramer framer = new StreamFramer(Role.DEVICE);
        byte[] buf = new byte[4096];
        try {
            while (!stopped) {
                int n = link.read(buf, 0, buf.length, 50);
                if (n < 0) return;
                synchronized (this) {
                    received.write(buf, 0, n);
                }
                for (FrameEvent e : framer.feed(buf, 0, n)) handle(e);
            }
        } catch (IOException e) {
            if (!stopped) fail("link failed: " + e);
        }
    }

    private void handle(FrameEvent e) {
        if (e instanceof FrameEvent.Eof) {
            boolean lose, silent;
            synchronized (this) {
                probesSeen++;
                lose = probesToLose > 0;
                if (lose) probesToLose--;
                silent = probesIgnoredSilently;
            }
            if (lose && !silent) clock.advance(Duration.ofMillis(200).toNanos());
            else write("\n\"\"\"\u0004\"\"\"\n\n".getBytes(StandardCharsets.ISO_8859_1));
        } else if (e instanceof FrameEvent.Json j) {
            if (j.crc() == FrameEvent.Crc.INVALID) {
                fail("request with bad CRC: " + j.json());
                return;
            }
            JsonNode req = FrameJson.parse(j.json());
            String method = req.path("method").asText();
            Expectation next;
            synchronized (this) {
                next = script.poll();
            }
            if (next == null || !next.method.equals(method)) {
                fail("unexpected request " + j.json() + (next == null ? "" : ", expected " + next.method));
                return;
            }
            next.action.run(req.path("id").asLong(), req.path("src").asText(""));
        }
    }

    private synchronized void fail(String message) { failures.add(message); }

    private void write(byte[] bytes) {
        try {
            link.write(bytes);
        } catch (IOException e) {
            if (!stopped) fail("write failed: " + e);
        }
    }
}
