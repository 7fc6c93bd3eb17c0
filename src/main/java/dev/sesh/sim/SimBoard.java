package dev.sesh.sim;

import dev.sesh.bytes.Clock;
import dev.sesh.rpc.frame.StreamFramer;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.sim.service.InitFailedException;
import dev.sesh.sim.service.LogLevel;
import dev.sesh.sim.service.SimConfigView;
import dev.sesh.sim.service.SimContext;
import dev.sesh.sim.service.SimFsView;
import dev.sesh.sim.service.SimIdentity;
import dev.sesh.sim.service.SimMethod;
import dev.sesh.sim.service.SimService;
import dev.sesh.sim.service.SysService;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A simulated Mongoose OS board as seen from its UART0 (mos-captures README 4, 5): boot text, the
 * RPC-over-UART channel with its sticky Q3 and CRC modes, the RPC core, registered services, the
 * reboot timer. It is a state machine driven from outside: {@link #receive} feeds
 * what the host sent (taken as UART batches of up to 256 bytes), {@link #poll} runs what is due at
 * the clock's time, {@link #takeOutput} returns what the device has put on the wire. Time comes
 * only from the injected clock. {@link SimRpcServer} drives one over a Transport. Every entry point
 * holds the board's monitor, so other channels of the same firmware (the HTTP server's threads)
 * take their turn between UART events, as the firmware's single event loop would.
 */
public final class SimBoard {
    private static final String CHANNEL_C = "mgos_rpc_channel_uart.c";

    private final SimIdentity identity;
    private final Clock clock;
    private final SimConfigView config;
    private final SimFsView fs;
    private final List<SimService> services;
    private final long unixTimeAtZero;
    private final UartChannel channel;
    private final DeviceLog log = new DeviceLog();
    private final List<java.util.function.Consumer<String>> logTaps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final UartTx tx;
    private final DeviceRpc rpc = new DeviceRpc(this, new UartRpcChannel());
    /** The RPC core serving the request being handled now (the UART's, or one HTTP request's). */
    private DeviceRpc active = rpc;
    private final Context context = new Context();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final String pointer;
    private final int baud;
    private final java.util.concurrent.atomic.AtomicBoolean served = new java.util.concurrent.atomic.AtomicBoolean();

    private List<SimMethod> registered = List.of();
    private long bootNanos;
    private long rebootAt;
    private boolean rebootScheduled;
    private int boots;
    private boolean logOnRpcUart = true;
    private long rxLost;
    /** False from power-up until init completes; a failed init leaves it false until the restart. */
    private boolean rpcUp;
    private static final long INIT_FAIL_RESTART_NANOS = 500_000_000L;

    private SimBoard(Builder b) {
        this.identity = b.identity;
        this.clock = b.clock;
        this.config = b.config;
        this.fs = b.fs;
        this.services = List.copyOf(b.services);
        this.unixTimeAtZero = b.unixTimeAtZero;
        this.baud = b.baud;
        this.tx = new UartTx(UartTx.byteNanos(b.baud));
        this.channel = new UartChannel(this, clock, tx, new Faults(b.faults));
        this.pointer = String.format("0x3fff%04x", (identity.mac().get(4) << 8 | identity.mac().get(5)) & 0xfff0);
    }

    public static Builder builder(SimIdentity identity, Clock clock) { return new Builder(identity, clock); }

    public SimIdentity identity() { return identity; }

    public Clock clock() { return clock; }

    /** How many times the board has booted (1 after {@link #powerOn}). */
    public synchronized int boots() { return boots; }

    /**
     * Serves this board over {@code deviceEnd} on a new thread (powering it on first if needed);
     * from then on that thread drives the UART (other channels only call {@link #rpcFrame}). Host
     * bytes are paced at the board's baud.
     */
    public SimRpcServer attach(Transport deviceEnd) {
        if (!claim()) throw new IllegalStateException("the board is already being served");
        SimRpcServer s = new SimRpcServer(this, deviceEnd, baud);
        s.start();
        return s;
    }

    /**
     * As {@link #attach}, and powers the board off when the link ends: for a board that lives only
     * as long as its one link (an in-process {@code sim:} port).
     */
    public SimRpcServer attachUntilClosed(Transport deviceEnd) {
        if (!claim()) throw new IllegalStateException("the board is already being served");
        SimRpcServer s = new SimRpcServer(this, deviceEnd, baud);
        s.powerOffAtEnd();
        s.start();
        return s;
    }

    /**
     * Serves this board over {@code deviceEnd} on the calling thread until the link ends (the host
     * closed it, or a {@code cut} fault fired); for a listener's per-connection handler.
     */
    public void serve(Transport deviceEnd) {
        if (!claim()) throw new IllegalStateException("the board is already being served");
        new SimRpcServer(this, deviceEnd, baud).run();
    }

    /** One server at a time owns the board. */
    boolean claim() { return served.compareAndSet(false, true); }

    void release() { served.set(false); }

    /** Boots the board; the boot text goes on the wire. */
    public synchronized void powerOn() {
        boot();
        pump();
    }

    /** Feeds bytes the host sent, now; they are parsed in UART batches of at most 256 bytes. */
    public synchronized void receive(byte[] b, int off, int len) {
        pump();
        if (!rpcUp) return;                  // a board whose init failed reads nothing (no RPC channel)
        long now = clock.nanos();
        for (int i = off; i < off + len; i++) {
            if (b[i] == UartTx.XOFF) tx.xoff(now);
            else if (b[i] == UartTx.XON) tx.xon(now);
        }
        for (int p = off; p < off + len; p += StreamFramer.DEVICE_BATCH) {
            channel.batch(b, p, Math.min(StreamFramer.DEVICE_BATCH, off + len - p));
            pump();
        }
    }

    public synchronized void receive(byte[] b) { receive(b, 0, b.length); }

    /** Runs what is due at the clock's current time (finished frames, the reboot timer). */
    public synchronized void poll() { pump(); }

    /** Clock time (nanos) of the next thing the board will do by itself, or Long.MAX_VALUE. */
    public synchronized long nextEventAt() {
        long now = clock.nanos();
        long next = Math.min(tx.nextEventAt(now), channel.nextEventAt(now));
        return rebootScheduled ? Math.min(next, rebootAt) : next;
    }

    /** The bytes the device put on the wire since the last call. */
    public synchronized byte[] takeOutput() {
        pump();
        byte[] out = wire.toByteArray();
        wire.reset();
        return out;
    }

    private void pump() {
        while (true) {
            long now = clock.nanos();
            tx.drain(now, wire);
            if (channel.takeCrash()) {
                boot();
                continue;
            }
            if (channel.step(now)) continue;
            if (rebootScheduled && now >= rebootAt) {
                rebootScheduled = false;
                log(LogLevel.INFO, "shim_vfs.c", 135, "Unmounting filesystems");
                log(LogLevel.INFO, "mgos_system.c", 43, "Restarting");
                boot();
                continue;
            }
            return;
        }
    }

    /**
     * The UART's receive FIFO reached its XOFF mark at {@code at} ({@code full}: the interrupt
     * handler sends XOFF), or the task has drained it ({@code !full}: XON). Flow-control bytes go
     * out ahead of queued output (esp_uart.c writes XOFF straight into the hardware FIFO).
     */
    synchronized void rxFlow(boolean full, long at) {
        tx.urgent(full ? UartTx.XOFF : UartTx.XON, at);
        pump();
    }

    /** True when the RPC UART uses XON/XOFF ({@code rpc.uart.fc_type} 2, the default). */
    synchronized boolean softwareFlowControl() { return config.integer("rpc.uart.fc_type", 2) == 2; }

    /** {@code n} host bytes arrived while the receive FIFO was full and were lost. */
    synchronized void rxOverrun(long n) { rxLost += n; }

    /** Host bytes lost to receive FIFO overruns since the board was built (mgos_uart_stats' rx_overflows, in bytes). */
    public synchronized long rxBytesLost() { return rxLost; }

    /** True once a {@code cut} fault fired: whoever serves the board should drop the link. */
    public synchronized boolean linkCut() { return channel.linkCut(); }

    /** The link was re-established after a cut. */
    public synchronized void linkRestored() { channel.linkRestored(); }

    /** Clock time before which the device reads no input (an {@code xoff} fault holds it). */
    public synchronized long rxHeldUntil() { return channel.rxHeldUntil(); }

    // ---- lifecycle ----------------------------------------------------------------------------

    private void boot() {
        boots++;
        bootNanos = clock.nanos();
        rebootScheduled = false;
        rpcUp = false;
        config.boot(identity);
        log.setLevel((int) config.integer("debug.level", LogLevel.INFO.value()));
        log.setFileLevels(config.string("debug.file_level", ""));
        // Log text goes to debug.stderr_uart; only when that is the RPC UART does it share the wire.
        logOnRpcUart = config.integer("debug.stderr_uart", 0) == config.integer("rpc.uart.uart_no", 0);
        channel.reset((int) config.integer("rpc.max_frame_size", StreamFramer.DEFAULT_MAX_FRAME_SIZE));
        rpc.reset();
        tx.write(new byte[] {'\n'}, bootNanos);
        log(LogLevel.INFO, "shim_platform.c", 308, identity.app() + " " + identity.fwVersion() + " (" + identity.fwId() + ")");
        log(LogLevel.INFO, "shim_platform.c", 310, "Mongoose OS " + identity.mgVersion() + " (" + identity.mgId() + ")");
        log(LogLevel.INFO, "mgos_sys_config.c", 470, "MAC: " + identity.macColons());
        log(LogLevel.INFO, "mgos_sys_config.c", 478, "WDT: " + config.integer("sys.wdt_timeout", 30) + " seconds");
        List<SimMethod> methods = new ArrayList<>();
        registered = List.of();
        for (SimService s : services) {
            try {
                methods.addAll(s.init(context));
            } catch (InitFailedException e) {
                initFailed(e.code());
                return;
            }
            registered = newestFirst(methods);
        }
        rpcUp = true;
        log(LogLevel.INFO, CHANNEL_C, 320, pointer + " UART0");
        log(LogLevel.INFO, "mgos_init.c", 33, "Init done, RAM: " + SysService.RAM_SIZE + " total, " + SysService.RAM_FREE
                + " free, " + SysService.RAM_MIN_FREE + " min free");
    }

    // esp_main.c: log the result, wait 0.5 s ("make a reboot loop less tight"), restart; RPC never started.
    private void initFailed(int code) {
        registered = List.of();
        log(LogLevel.ERROR, "esp_main.c", 161, "MG init error: " + code);
        log(LogLevel.ERROR, "esp_main.c", 171, "Init failed: " + code);
        rebootAt = clock.nanos() + INIT_FAIL_RESTART_NANOS;
        rebootScheduled = true;
    }

    private static List<SimMethod> newestFirst(List<SimMethod> inOrder) {
        List<SimMethod> r = new ArrayList<>(inOrder);
        Collections.reverse(r);
        return List.copyOf(r);
    }

    /** Reboots now, as the reset button does (no shutdown lines). */
    public synchronized void reset() {
        boot();
        pump();
    }

    /**
     * Sees every message the firmware logs (without the file:line prefix), whether or not a client
     * is connected to read the UART: {@code sim serve} shows the board's HTTP(S) address with it.
     */
    public void tapLog(java.util.function.Consumer<String> tap) { logTaps.add(tap); }

    // ---- what the core and the services use ----------------------------------------------------

    synchronized void log(LogLevel level, String file, int line, String message) {
        for (java.util.function.Consumer<String> tap : logTaps) tap.accept(message);
        if (!logOnRpcUart || !log.enabled(level, file) || channel.framePending()) return; // thrown away while a frame is on the wire
        tx.write(DeviceLog.format(file, line, message), clock.nanos());
    }

    /** A line without the file:line prefix (mbedTLS's ATCA lines print bare); filtered by {@code file}. */
    synchronized void logBare(LogLevel level, String file, String message) {
        if (!logOnRpcUart || !log.enabled(level, file) || channel.framePending()) return;
        tx.write(message + "\n", clock.nanos());
    }

    /**
     * One request frame that arrived on another channel (HTTP): runs it through the RPC core with
     * that channel's type and info, and returns the reply frame's JSON (empty if the request asks
     * for none). The reboot lockout, ACL and "via" line apply as on the UART.
     */
    public synchronized Optional<String> rpcFrame(String json, String channelType, String channelInfo) {
        pump();
        String[] reply = new String[1];
        DeviceRpc one = new DeviceRpc(this, new DeviceRpc.Channel() {
            @Override public String type() { return channelType; }
            @Override public String info() { return channelInfo; }
            @Override public boolean send(String r) {
                if (reply[0] == null) reply[0] = r;
                return true;
            }
        });
        DeviceRpc before = active;
        active = one;
        try {
            one.frame(json);
        } finally {
            active = before;
        }
        pump();
        return Optional.ofNullable(reply[0]);
    }

    /** Stops what the services keep running outside the event loop (listening sockets); the board is gone. */
    public synchronized void powerOff() {
        for (SimService s : services) s.powerOff();
    }

    void scheduleReboot(long delayMs) {
        log(LogLevel.INFO, "mgos_system.c", 58, "Rebooting in " + delayMs + " ms");
        long at = clock.nanos() + delayMs * 1_000_000L;
        rebootAt = rebootScheduled ? Math.min(rebootAt, at) : at;
        rebootScheduled = true;
    }

    /** Nanos until the scheduled reboot, or -1 if none. */
    long rebootInNanos() { return rebootScheduled ? Math.max(0, rebootAt - clock.nanos()) : -1; }

    /** The RPC core hands a reply frame to the channel; false while the channel is busy. */
    boolean channelSend(String json) { return channel.send(json); }

    String deviceId() { return config.string("device.id", identity.defaultDeviceId()); }

    SimConfigView config() { return config; }

    String pointer() { return pointer; }

    String channelInfo() { return "UART0"; }

    long unixTime() { return unixTimeAtZero + clock.nanos() / 1_000_000_000L; }

    List<SimMethod> registered() { return registered; }

    SimContext context() { return context; }

    DeviceRpc rpc() { return rpc; }

    /** The UART's side of the RPC core. */
    private final class UartRpcChannel implements DeviceRpc.Channel {
        @Override public String type() { return "UART"; }
        @Override public String info() { return channelInfo(); }
        @Override public boolean send(String json) { return channelSend(json); }
    }

    private final class Context implements SimContext {
        @Override public Clock clock() { return clock; }
        @Override public SimIdentity identity() { return identity; }
        @Override public SimConfigView config() { return config; }
        @Override public SimFsView fs() { return fs; }
        @Override public long uptimeMillis() { return (clock.nanos() - bootNanos) / 1_000_000L; }
        @Override public long unixTime() { return SimBoard.this.unixTime(); }
        @Override public String channelInfo() { return active.channel().info(); }
        @Override public List<SimMethod> methods() { return registered; }
        @Override public void log(LogLevel level, String srcFile, int line, String message) { SimBoard.this.log(level, srcFile, line, message); }
        @Override public void scheduleReboot(long delayMs) { SimBoard.this.scheduleReboot(delayMs); }
        @Override public void respond(dev.sesh.sim.service.SimReply reply) { active.respond(reply); }
        @Override public void logBare(LogLevel level, String srcFile, String message) { SimBoard.this.logBare(level, srcFile, message); }
        @Override public Optional<String> rpcFrame(String json, String channelType, String channelInfo) {
            return SimBoard.this.rpcFrame(json, channelType, channelInfo);
        }
        @Override public <T> T exclusive(Supplier<T> work) {
            synchronized (SimBoard.this) {
                return work.get();
            }
        }
        @Override public boolean setLogLevel(int level) { return log.setLevel(level); }
        @Override public void setFileLevels(String spec) { log.setFileLevels(spec); }
    }

    /** Assembles a board; services are listed in the firmware's init order. */
    public static final class Builder {
        private final SimIdentity identity;
        private final Clock clock;
        private SimConfigView config = new MemoryConfig();
        private SimFsView fs = SimFsView.fixed(233681, 3);
        private final List<SimService> services = new ArrayList<>();
        private long unixTimeAtZero;
        private int baud;
        private FaultSpec faults = FaultSpec.none();

        private Builder(SimIdentity identity, Clock clock) {
            this.identity = Objects.requireNonNull(identity);
            this.clock = Objects.requireNonNull(clock);
            this.unixTimeAtZero = clock.isVirtual() ? 1_735_689_600L : System.currentTimeMillis() / 1000 - clock.nanos() / 1_000_000_000L;
        }

        public Builder config(SimConfigView config) { this.config = Objects.requireNonNull(config); return this; }

        public Builder fs(SimFsView fs) { this.fs = Objects.requireNonNull(fs); return this; }

        public Builder service(SimService s) { services.add(Objects.requireNonNull(s)); return this; }

        public Builder services(List<? extends SimService> s) { s.forEach(this::service); return this; }

        /** Paces the device's output at {@code baud} (10 bits per byte); 0 = unpaced. */
        public Builder baud(int baud) { this.baud = baud; return this; }

        /** Device unix time when the clock reads 0. */
        public Builder unixTimeAtZero(long seconds) { this.unixTimeAtZero = seconds; return this; }

        public Builder faults(FaultSpec faults) { this.faults = Objects.requireNonNull(faults); return this; }

        public SimBoard build() { return new SimBoard(this); }
    }
}
