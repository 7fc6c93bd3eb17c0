package dev.sesh.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sesh.bytes.Clock;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.rpc.frame.FrameEvent;
import dev.sesh.rpc.frame.FrameJson;
import dev.sesh.rpc.frame.Role;
import dev.sesh.rpc.frame.StreamFramer;
import dev.sesh.rpc.transport.Transport;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mongoose OS RPC client over one {@link Transport} (mos-rpc.md sections 1, 2; design.md 5.6, 5.7).
 * One reader thread feeds a {@link Role#HOST} framer; replies are matched to calls by id, replies
 * with unknown ids and requests addressed to us are ignored, device log lines go to the log
 * listeners. Frames with a bad CRC are dropped (debug log); the call then times out and, if it is
 * idempotent, is resent. With a handshaking profile the client probes before its first call and
 * again before the next send after any timeout, so it recovers after the board rebooted.
 * Thread-safe; deadlines are measured on the injected {@link Clock}.
 */
public final class RpcClient implements AutoCloseable {
    private static final Pattern BROKEN_ID = Pattern.compile("\\{\\s*\"id\"\\s*:\\s*\"?(\\d+)");
    private static final System.Logger LOG = System.getLogger(RpcClient.class.getName());
    /** mos resends its probe every 200 ms (mos-rpc.md 1.4). */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    /** Real-time poll period while waiting on a virtual clock, which advances without notifying. */
    private static final long VIRTUAL_POLL_MS = 2;
    private static final int READ_TIMEOUT_MS = 100;
    private static final Duration VIRTUAL_REAL_GUARD = Duration.ofSeconds(1);

    private final Transport transport;
    private final SendGuard guard;
    private final RpcOptions options;
    private final WireProfile profile;
    private final Clock clock;
    private final Object monitor = new Object();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<Consumer<String>> logListeners = new CopyOnWriteArrayList<>();
    private final List<WireTrace> traces = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closed;
    private volatile Throwable closeCause;
    private long eofCount;              // guarded by monitor
    private boolean needHandshake;     // guarded by sendLock

    /** A client without a guard ({@link SendGuard#NONE}): tests and the simulator's own tools only. */
    public RpcClient(Transport transport, RpcOptions options) {
        this(transport, options, SendGuard.NONE);
    }

    /**
     * Starts the reader thread on {@code transport}; the client owns it from now on. Every request
     * is shown to {@code guard} before it is written, and refused requests are never sent.
     */
    public RpcClient(Transport transport, RpcOptions options, SendGuard guard) {
        this.transport = Objects.requireNonNull(transport);
        this.guard = Objects.requireNonNull(guard);
        this.options = options;
        this.profile = options.profile().orElse(options.leanFraming() ? WireProfile.leanForKind(transport.kind()) : WireProfile.forKind(transport.kind()));
        this.clock = options.clock();
        this.needHandshake = profile.handshake();
        this.reader = new Thread(this::readLoop, "rpc-reader " + transport.name());
        reader.setDaemon(true);
        reader.start();
    }

    public WireProfile profile() { return profile; }

    /** Device log lines (text outside frames), delivered on the reader thread in stream order. */
    public void addLogListener(Consumer<String> listener) { logListeners.add(listener); }

    public void removeLogListener(Consumer<String> listener) { logListeners.remove(listener); }

    public void addWireTrace(WireTrace trace) { traces.add(trace); }

    public void removeWireTrace(WireTrace trace) { traces.remove(trace); }

    /** {@link #call(String, String, CallOptions)} with default options. */
    public RpcResponse call(String method, String paramsJsonOrNull) { return call(method, paramsJsonOrNull, CallOptions.DEFAULT); }

    /**
     * Calls {@code method} with {@code paramsJsonOrNull} (JSON text, sent compact; null sends no
     * params) and waits for its reply.
     *
     * @throws dev.sesh.SeshException (bad argument) if the params are not JSON or hold characters above U+00FF
     * @throws RpcTimeoutException no reply within the timeout on every attempt
     * @throws RpcRemoteException the board answered with a non-zero error code
     * @throws RpcChannelClosedException the link ended
     */
    public RpcResponse call(String method, String paramsJsonOrNull, CallOptions callOptions) {
        FrameJson.checkSendable(method);
        String params = null;
        if (paramsJsonOrNull != null) {
            FrameJson.checkSendable(paramsJsonOrNull);
            params = FrameJson.write(FrameJson.parse(paramsJsonOrNull));
        }
        guard.admit(method, params);        // the exact params that go on the wire; throws to refuse
        Duration timeout = callOptions.timeout().orElseGet(() -> options.timeouts().timeout(method, paramsJsonOrNull));
        int attempts = callOptions.idempotent() || Timeouts.idempotent(method) ? 1 + Timeouts.RETRIES : 1;
        Pending call = new Pending();
        List<Long> ids = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < attempts; attempt++) {
                // A late reply to an earlier attempt completes the call too.
                if (call.answered()) return outcome(method, call.reply);
                long deadline = clock.nanos() + timeout.toNanos();
                if (send(method, params, call, ids, deadline) && await(call::settled, deadline)) {
                    if (call.answered()) return outcome(method, call.reply);
                    // A reply that does not parse: retried at once when the call may be repeated (the
                    // link may have damaged it), else reported at once instead of waiting out the timeout.
                    LOG.log(System.Logger.Level.DEBUG, "{0}: broken reply frame (attempt {1} of {2})", method, attempt + 1, attempts);
                    continue;
                }
                LOG.log(System.Logger.Level.DEBUG, "{0}: no answer within {1} (attempt {2} of {3})", method, timeout, attempt + 1, attempts);
                sendLock.lock();
                try {
                    needHandshake = profile.handshake();
                } finally {
                    sendLock.unlock();
                }
            }
            String broken = call.broken();
            throw broken.isEmpty() ? new RpcTimeoutException(method, timeout) : RpcTimeoutException.brokenFrame(method, timeout, broken);
        } finally {
            ids.forEach(pending::remove);
        }
    }

    /**
     * The most bytes of params text a request for {@code method} may carry on this link: the
     * transport's {@link Transport#maxFrameBytes()} less this client's envelope (src, the widest
     * id, method). {@code Integer.MAX_VALUE} when the link sets no limit. For callers that split
     * data into requests (FS.Put chunks; issue 25).
     */
    public int maxParamsBytes(String method) {
        int max = transport.maxFrameBytes();
        if (max == Integer.MAX_VALUE) return max;
        return max - (envelope(Long.MIN_VALUE, method, "0").length() - 1);
    }

    /** Handshakes if needed, then writes one request; false if the handshake ran out of time. */
    private boolean send(String method, String params, Pending call, List<Long> ids, long deadline) {
        sendLock.lock();
        try {
            checkOpen();
            if (needHandshake && !handshake(deadline)) return false;
            long id = options.ids().getAsLong();
            ids.add(id);
            pending.put(id, call);
            String json = envelope(id, method, params);
            trace(WireTrace.Direction.SENT, json);
            write(profile.delimited() ? FrameCodec.encode(json, profile.q3(), profile.crc()) : (json + "\n").getBytes(StandardCharsets.ISO_8859_1));
            return true;
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * mos-rpc.md 1.4: probe every 200 ms until an EOF frame comes back, then ack with one Q3. A
     * profile without Q3 probes with a newline-framed EOF and sends no ack, so the device stays in
     * newline framing.
     */
    private boolean handshake(long deadline) {
        long seen;
        synchronized (monitor) {
            seen = eofCount;
        }
        long realEnd = System.nanoTime() + Math.max(VIRTUAL_REAL_GUARD.toNanos(), deadline - clock.nanos());
        while (clock.nanos() < deadline && (!clock.isVirtual() || System.nanoTime() - realEnd < 0)) {
            long next = Math.min(deadline, clock.nanos() + PROBE_INTERVAL.toNanos());
            write(profile.q3() ? FrameCodec.HANDSHAKE_PROBE : FrameCodec.NEWLINE_PROBE);
            if (await(() -> eofCount != seen, next)) {
                if (profile.q3()) write(FrameCodec.Q3);
                needHandshake = false;
                return true;
            }
        }
        return false;
    }

    private String envelope(long id, String method, String params) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FrameJson.mapper().createGenerator(w)) {
            g.writeStartObject();
            if (!options.src().isEmpty()) g.writeStringField("src", options.src());
            g.writeNumberField("id", id);
            g.writeStringField("method", method);
            if (params != null) {
                g.writeFieldName("params");
                g.writeRawValue(params);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a StringWriter failed", e);
        }
        return w.toString();
    }

    private RpcResponse outcome(String method, ReplyFrame reply) {
        int code = reply.errorCode().orElse(0);
        // error.code 0 is success reported through the error path (Sys.SetDebug, mos-rpc.md 2.4).
        if (code != 0) throw new RpcRemoteException(method, code, reply.errorMessage());
        return new RpcResponse(method, reply.result().orElse("null"));
    }

    /**
     * Waits until {@code condition} holds (true) or the clock passes {@code deadline} (false).
     * On a virtual clock the same span of real time (at least {@link #VIRTUAL_REAL_GUARD}, so a slow
     * test machine does not cut waits short) also ends the wait: a clock that nobody advances
     * cannot make a call wait forever.
     */
    private boolean await(BooleanSupplier condition, long deadline) {
        long realLimit = System.nanoTime() + Math.max(VIRTUAL_REAL_GUARD.toNanos(), deadline - clock.nanos());
        synchronized (monitor) {
            while (true) {
                if (condition.getAsBoolean()) return true;
                checkOpen();
                long left = deadline - clock.nanos();
                if (left <= 0 || (clock.isVirtual() && System.nanoTime() - realLimit >= 0)) return false;
                long waitMs = clock.isVirtual() ? VIRTUAL_POLL_MS : Math.max(1, (left + 999_999) / 1_000_000);
                try {
                    monitor.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RpcChannelClosedException(transport.name(), e);
                }
            }
        }
    }

    private void write(byte[] bytes) {
        try {
            transport.write(bytes);
        } catch (IOException e) {
            shutDown(e);
            throw new RpcChannelClosedException(transport.name(), e);
        }
    }

    private void checkOpen() {
        if (closed) throw new RpcChannelClosedException(transport.name(), closeCause);
    }

    private void readLoop() {
        StreamFramer framer = new StreamFramer(Role.HOST);
        byte[] buf = new byte[4096];
        try {
            while (!closed) {
                int n = transport.read(buf, 0, buf.length, READ_TIMEOUT_MS);
                if (n < 0) break;
                for (FrameEvent e : framer.feed(buf, 0, n)) handle(e);
            }
            shutDown(null);
        } catch (IOException | RuntimeException e) {
            shutDown(e);
        }
    }

    private void handle(FrameEvent event) {
        if (event instanceof FrameEvent.Json j) {
            onFrame(j);
        } else if (event instanceof FrameEvent.Log l) {
            for (Consumer<String> c : logListeners) {
                try {
                    c.accept(l.line());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "log listener failed", e);
                }
            }
        } else if (event instanceof FrameEvent.Eof) {
            synchronized (monitor) {
                eofCount++;
                monitor.notifyAll();
            }
        } else if (event instanceof FrameEvent.Dropped d) {
            LOG.log(System.Logger.Level.DEBUG, "dropped input ({0}): {1}", d.reason(), d.detail());
        }
    }

    private void onFrame(FrameEvent.Json frame) {
        if (frame.crc() == FrameEvent.Crc.INVALID) {
            LOG.log(System.Logger.Level.DEBUG, "dropped frame with bad CRC: given {0}, computed {1}",
                    String.format("%08x", frame.givenCrc()), String.format("%08x", frame.computedCrc()));
            return;
        }
        ReplyFrame reply = ReplyFrame.parse(frame.json()).orElse(null);
        if (reply == null) {
            LOG.log(System.Logger.Level.DEBUG, "dropped frame that is not a JSON object ({0} chars)", frame.json().length());
            brokenReply(frame.json());
            return;
        }
        trace(WireTrace.Direction.RECEIVED, frame.json());
        if (reply.isRequest() || reply.id().isEmpty()) return;
        Pending call = pending.get(reply.id().getAsLong());
        if (call == null) {
            LOG.log(System.Logger.Level.DEBUG, "ignored reply with unknown id {0}", reply.id().getAsLong());
            return;
        }
        synchronized (monitor) {
            if (call.reply == null) call.reply = reply;
            monitor.notifyAll();
        }
    }

    // The board starts every reply with {"id":N, so a frame that does not parse can still name its call.
    private void brokenReply(String json) {
        Matcher m = BROKEN_ID.matcher(json);
        if (!m.lookingAt() || m.group(1).length() > 18) return;
        Pending call = pending.get(Long.parseLong(m.group(1)));
        if (call == null) return;
        synchronized (monitor) {
            call.broken = json;
            call.brokenCount++;
            monitor.notifyAll();
        }
    }

    /** A failing trace must not stop the reader or a call. */
    private void trace(WireTrace.Direction direction, String json) {
        for (WireTrace t : traces) {
            try {
                t.frame(direction, json);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "wire trace failed", e);
            }
        }
    }

    private void shutDown(Throwable cause) {
        synchronized (monitor) {
            if (!closed) {
                closeCause = cause;
                closed = true;
            }
            monitor.notifyAll();
        }
        try {
            transport.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing transport failed", e);
        }
    }

    /** False once the link has closed (the peer hung up, the transport failed, or {@link #close()}). */
    public boolean isOpen() { return !closed; }

    /** Closes the transport; pending and later calls fail with {@link RpcChannelClosedException}. */
    @Override public void close() {
        shutDown(null);
        if (Thread.currentThread() != reader) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One call's reply slot, shared by all its attempts' ids. */
    private final class Pending {
        ReplyFrame reply;     // guarded by monitor
        String broken;        // guarded by monitor: the last reply frame that did not parse
        int brokenCount;      // guarded by monitor
        private int brokenTaken;

        /** A reply came, or a broken frame not yet taken by an earlier {@code settled()}. */
        boolean settled() {
            synchronized (monitor) {
                if (reply != null) return true;
                if (brokenCount > brokenTaken) {
                    brokenTaken = brokenCount;
                    return true;
                }
                return false;
            }
        }

        String broken() {
            synchronized (monitor) {
                return broken == null ? "" : broken;
            }
        }

        boolean answered() {
            synchronized (monitor) {
                return reply != null;
            }
        }
    }
}
