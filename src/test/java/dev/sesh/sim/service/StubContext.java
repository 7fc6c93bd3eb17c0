package dev.sesh.sim.service;

import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Clock;
import dev.sesh.sim.MemoryConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A board context with only what the I2C and ATCA services use: config, clock and the log. */
final class StubContext implements SimContext {
    private final Clock clock;
    private final MemoryConfig config;
    final List<String> log = new ArrayList<>();
    List<SimMethod> methods = List.of();

    StubContext(Clock clock, Map<String, ?> config) {
        this.clock = clock;
        this.config = new MemoryConfig(config);
    }

    /** Calls a registered method; a result gives its body, an error {@code "code message"}. */
    String call(String method, String params) {
        SimMethod m = methods.stream().filter(x -> x.name().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " is not registered"));
        SimReply r = m.handler().handle(new SimRequest(method, DeviceArgs.parse(params)), this);
        if (r instanceof SimReply.Result res) return res.body();
        SimReply.Error e = (SimReply.Error) r;
        return e.code() + " " + e.message();
    }

    @Override public Clock clock() { return clock; }
    @Override public SimIdentity identity() { return SimIdentity.seshSim(Bytes.ofHex("5ccf7f0a1b2c")); }
    @Override public SimConfigView config() { return config; }
    @Override public SimFsView fs() { return SimFsView.fixed(233681, 0); }
    @Override public long uptimeMillis() { return clock.millis(); }
    @Override public long unixTime() { return 0; }
    @Override public String channelInfo() { return "UART0"; }
    @Override public List<SimMethod> methods() { return methods; }
    @Override public void log(LogLevel level, String srcFile, int line, String message) { log.add(srcFile + ":" + line + " " + message); }
    @Override public void scheduleReboot(long delayMs) { throw new UnsupportedOperationException("no reboots here"); }
    @Override public void respond(SimReply reply) { throw new UnsupportedOperationException("handlers here reply by returning"); }
    @Override public boolean setLogLevel(int level) { return false; }
    @Override public void setFileLevels(String spec) { }

    @Override public void logBare(LogLevel level, String srcFile, String message) { log(level, srcFile, 0, message); }
    @Override public java.util.Optional<String> rpcFrame(String json, String type, String info) {
        throw new UnsupportedOperationException("no RPC core here");
    }
    @Override public <T> T exclusive(java.util.function.Supplier<T> work) { return work.get(); }
}
