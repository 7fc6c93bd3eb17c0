package dev.sesh.sim.service;

import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Clock;
import dev.sesh.bytes.VirtualClock;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls one service's handlers the way the board does, recording log lines, an early reply and a
 * scheduled reboot. Replies read as {@code result body} or {@code code message}.
 */
final class ServiceHarness implements SimContext {
    final VirtualClock clock = new VirtualClock();
    final SimIdentity identity = SimIdentity.seshSim(Bytes.ofHex("5ccf7f0a1b2c"));
    final List<String> log = new ArrayList<>();
    final SimConfigView config;
    final SimFsView fs;
    List<SimMethod> methods = List.of();
    SimReply early;
    long rebootInMs = -1;

    ServiceHarness(SimConfigView config, SimFsView fs) {
        this.config = config;
        this.fs = fs;
    }

    /** Boots: loads the config, then runs each service's init. */
    ServiceHarness boot(SimService... services) {
        config.boot(identity);
        List<SimMethod> all = new ArrayList<>();
        for (SimService s : services) all.addAll(s.init(this));
        methods = all;
        return this;
    }

    String call(String method, String params) {
        early = null;
        SimMethod m = methods.stream().filter(x -> x.name().equals(method)).findFirst().orElseThrow();
        SimReply r = m.handler().handle(new SimRequest(method, DeviceArgs.parse(params)), this);
        if (r instanceof SimReply.NoReply) r = early;
        if (r instanceof SimReply.Result res) return res.body();
        SimReply.Error e = (SimReply.Error) r;
        return e.code() + " " + e.message();
    }

    @Override public Clock clock() { return clock; }
    @Override public SimIdentity identity() { return identity; }
    @Override public SimConfigView config() { return config; }
    @Override public SimFsView fs() { return fs; }
    @Override public long uptimeMillis() { return clock.millis(); }
    @Override public long unixTime() { return 0; }
    @Override public String channelInfo() { return "UART0"; }
    @Override public List<SimMethod> methods() { return methods; }

    @Override public void log(LogLevel level, String srcFile, int line, String message) {
        log.add((level == LogLevel.ERROR ? "E " : "") + srcFile + ":" + line + " " + message);
    }

    @Override public void scheduleReboot(long delayMs) { rebootInMs = delayMs; }

    @Override public void respond(SimReply reply) {
        if (early != null) throw new IllegalStateException("replied twice");
        early = reply;
    }

    @Override public boolean setLogLevel(int level) { return true; }
    @Override public void setFileLevels(String spec) {}

    @Override public void logBare(LogLevel level, String srcFile, String message) { log(level, srcFile, 0, message); }
    @Override public java.util.Optional<String> rpcFrame(String json, String type, String info) {
        throw new UnsupportedOperationException("no RPC core here");
    }
    @Override public <T> T exclusive(java.util.function.Supplier<T> work) { return work.get(); }
}
