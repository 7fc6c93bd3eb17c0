package dev.sesh.sim;

import dev.sesh.sim.service.DeviceArgs;
import dev.sesh.sim.service.DeviceJsonOut;
import dev.sesh.sim.service.LogLevel;
import dev.sesh.sim.service.SimMethod;
import dev.sesh.sim.service.SimReply;
import dev.sesh.sim.service.SimRequest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The device's RPC core (mg_rpc; mos-captures README 5.1, 5.5): scans a frame, checks id and dst,
 * finds the handler (exact, case-insensitive), applies the reboot lockout and the ACL, logs the
 * "via" line, runs the handler and sends the reply. Replies go out one frame at a time; while the
 * channel is busy they wait in a queue of {@code rpc.max_queue_length} (oldest dropped first).
 */
final class DeviceRpc {
    private static final String MG_RPC = "mg_rpc.c";
    static final long LOCKOUT_NANOS = 100_000_000L;

    /** Where replies go: the UART channel, or one HTTP request. */
    interface Channel {
        /** The channel type in the "via" log line: {@code UART}, {@code HTTP}. */
        String type();

        /** Channel info (RPC.Ping's channel_info, the "via" line): {@code UART0}, the HTTP peer. */
        String info();

        /** Takes a reply frame's JSON; false while the channel is busy (it is queued then). */
        boolean send(String json);
    }

    private final SimBoard board;
    private final Channel channel;
    private final Deque<String> queue = new ArrayDeque<>();
    private boolean busy;
    private Envelope current;
    private boolean responded;

    DeviceRpc(SimBoard board, Channel channel) {
        this.board = board;
        this.channel = channel;
    }

    Channel channel() { return channel; }

    /** Forgets queued replies (a reboot). */
    void reset() {
        queue.clear();
        busy = false;
        current = null;
    }

    /** Handles one frame's JSON text (already CRC-checked by the channel). */
    void frame(String json) {
        board.log(LogLevel.DEBUG, MG_RPC, 512, board.pointer() + " GOT FRAME (" + json.length() + "): " + json);
        Envelope env = Envelope.scan(json);
        if (env.scanned() == 0 || !env.idValid()) {
            invalid(json);
            return;
        }
        board.log(LogLevel.DEBUG, MG_RPC, 396, "'" + text(env.id() == null ? null : env.id().text()) + "' '" + text(env.src())
                + "' '" + text(env.dst()) + "' '" + text(env.method()) + "'");
        if (env.dst() != null && !env.dst().isEmpty() && !env.dst().equals(board.deviceId())) {
            board.log(LogLevel.ERROR, MG_RPC, 424, "Wrong dst: '" + env.dst() + "'");
            invalid(json);
            return;
        }
        if (!env.isRequest()) return; // a response to nothing we asked: ignored silently
        dispatch(env);
    }

    private void invalid(String json) {
        board.log(LogLevel.ERROR, MG_RPC, 516, board.pointer() + " INVALID FRAME (" + json.length() + "): '" + json + "'");
    }

    private void dispatch(Envelope env) {
        SimMethod m = find(env.method());
        if (m == null) {
            board.log(LogLevel.ERROR, MG_RPC, 291, "No handler for " + env.method());
            reply(env, SimReply.error(404, "No handler for " + env.method()));
            return;
        }
        long rebootIn = board.rebootInNanos();
        if (rebootIn >= 0 && rebootIn < LOCKOUT_NANOS) {
            reply(env, SimReply.error(418, "shutting down in " + rebootIn / 1_000_000L + " ms"));
            return;
        }
        switch (Acl.check(board.config().string("rpc.acl", ""), env.method())) {
            case DENY -> { reply(env, SimReply.error(403, "unauthorized")); return; }
            case NEED_AUTH -> { reply(env, SimReply.error(401, authRequest())); return; }
            default -> { }
        }
        board.log(LogLevel.INFO, MG_RPC, 311, env.method() + " via " + channel.type() + " " + channel.info());
        current = env;
        responded = false;
        try {
            SimReply r = m.handler().handle(new SimRequest(env.method(), DeviceArgs.of(env.params())), board.context());
            if (!(r instanceof SimReply.NoReply)) respond(r);
        } finally {
            current = null;
        }
    }

    private String authRequest() {
        return "{\"auth_type\": \"digest\", \"nonce\": " + board.unixTime() + ", \"nc\": 1, \"realm\": "
                + DeviceJsonOut.quoted(board.config().string("rpc.auth_domain", "RPC")) + ", \"algorithm\": \"MD5\"}";
    }

    /** The handler's early reply (SimContext.respond); at most one per request. */
    void respond(SimReply r) {
        if (current == null) throw new IllegalStateException("respond() outside a request handler");
        if (responded) throw new IllegalStateException("a request gets one reply");
        responded = true;
        if (!(r instanceof SimReply.NoReply)) reply(current, r);
    }

    private SimMethod find(String method) {
        for (SimMethod m : board.registered()) if (m.name().toLowerCase(Locale.ROOT).equals(method.toLowerCase(Locale.ROOT))) return m;
        return null;
    }

    private void reply(Envelope env, SimReply r) {
        if (!env.wantsReply()) return;
        send(env.reply(board.deviceId(), r));
    }

    /** Sends now if the core is idle and the channel takes it, else queues (mg_rpc's queue). */
    private void send(String json) {
        if (!busy && channel.send(json)) {
            busy = true;
            return;
        }
        queue.addLast(json);
        while (queue.size() > board.config().integer("rpc.max_queue_length", 25)) queue.removeFirst();
    }

    /** The channel finished a frame: the next queued reply goes out. */
    void frameSent() {
        busy = false;
        String next = queue.peekFirst();
        if (next != null && channel.send(next)) {
            queue.removeFirst();
            busy = true;
        }
    }

    private static String text(String s) { return s == null ? "" : s; }
}
