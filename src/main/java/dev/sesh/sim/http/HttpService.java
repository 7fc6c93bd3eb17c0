package dev.sesh.sim.http;

import dev.sesh.atca.driver.ChipOps;
import dev.sesh.sim.fs.FlashFs;
import dev.sesh.sim.service.AtcaService;
import dev.sesh.sim.service.LogLevel;
import dev.sesh.sim.service.SimConfigView;
import dev.sesh.sim.service.SimContext;
import dev.sesh.sim.service.SimMethod;
import dev.sesh.sim.service.SimService;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The firmware's HTTP server (http-server lib, mgos_http_server_init), started at every boot from
 * the config: {@code http.enable}, {@code http.listen_addr}, and with {@code http.ssl_cert} (a
 * file on the board) HTTPS whose key is {@code http.ssl_key=ATCA:N}, the private key in chip slot
 * N (reference/atecc.md 9.1, 10 step 9). The device port maps to a loopback port of this host:
 * any free one (kept across reboots while it stays free), or {@code httpsPort} for the TLS
 * listener when given. Boot lines: {@code HTTP server started on [443] (SSL)}, then the
 * simulator's own {@code HTTP [443] is https://127.0.0.1:PORT on this host}.
 */
public final class HttpService implements SimService {
    static final String HTTP_C = "mgos_http_server.c";
    static final String SIM_C = "sim_http.c";
    /** The mapping line's message; {@link #MAPPING} reads it back. */
    static final String MAPPING_FORMAT = "HTTP [%d] is %s on this host";
    /** Matches the mapping line: group 1 the device port, group 2 the host URL. */
    public static final Pattern MAPPING = Pattern.compile("HTTP \\[(\\d+)\\] is (\\S+) on this host");
    private static final int BIND_TRIES = 20;
    private static final long BIND_RETRY_MS = 25;
    private static final Pattern ATCA_KEY = Pattern.compile("ATCA:(\\d{1,2})");

    private final FlashFs fs;
    private final AtcaService atca;
    private final int httpsPort;
    private final int httpPort;
    private final Map<Integer, Integer> hostPorts = new HashMap<>();
    private volatile HttpListener listener;

    /** {@code httpsPort}: the host port for the TLS listener, 0 = any free loopback port. */
    public HttpService(FlashFs fs, AtcaService atca, int httpsPort) { this(fs, atca, httpsPort, 0); }

    /** {@code httpPort}: the host port for the plain listener (HTTP and the RPC WebSocket), 0 = any free one. */
    public HttpService(FlashFs fs, AtcaService atca, int httpsPort, int httpPort) {
        this.fs = fs;
        this.atca = atca;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
    }

    @Override public List<SimMethod> init(SimContext ctx) {
        powerOff();
        SimConfigView cfg = ctx.config();
        if (!cfg.bool("http.enable", true)) return List.of();
        String addr = cfg.string("http.listen_addr", "");
        if (addr.isEmpty()) {
            ctx.log(LogLevel.WARN, HTTP_C, 317, "HTTP Server disabled, listening address is empty");
            return List.of();
        }
        OptionalInt port = ListenAddr.port(addr);
        if (port.isEmpty()) {
            bindError(ctx, addr, "no port in http.listen_addr '" + addr + "'");
            return List.of();
        }
        String cert = cfg.string("http.ssl_cert", "");
        try {
            Optional<HttpListener.TlsSetup> tls = cert.isEmpty() ? Optional.empty()
                    : Optional.of(tlsSetup(ctx, cfg, cert, cfg.string("http.ssl_key", "")));
            start(ctx, port.getAsInt(), addr, tls);
        } catch (SetupException e) {
            bindError(ctx, addr, e.getMessage());
        }
        return List.of();
    }

    private void start(SimContext ctx, int devicePort, String addr, Optional<HttpListener.TlsSetup> tls) {
        int given = tls.isPresent() ? httpsPort : httpPort;
        boolean fixed = given > 0;
        int want = fixed ? given : hostPorts.getOrDefault(devicePort, 0);
        HttpListener l;
        try {
            l = openRetrying(want, ctx, tls);
        } catch (IOException e) {
            if (fixed || want == 0) {
                bindError(ctx, addr, "cannot listen on 127.0.0.1:" + want + " (" + e.getMessage() + ")");
                return;
            }
            try {
                l = HttpListener.open(0, ctx, tls); // the port used before is taken now: any free one
            } catch (IOException again) {
                bindError(ctx, addr, "cannot listen on loopback (" + again.getMessage() + ")");
                return;
            }
        }
        listener = l;
        hostPorts.put(devicePort, l.port());
        ctx.log(HTTP_C, 344, "HTTP server started on [" + devicePort + "]" + (tls.isPresent() ? " (SSL)" : ""));
        ctx.log(SIM_C, 1, String.format(MAPPING_FORMAT, devicePort, l.url()));
    }

    /** A port the last boot just released may take a moment to be free again: a few tries before giving it up. */
    private static HttpListener openRetrying(int port, SimContext ctx, Optional<HttpListener.TlsSetup> tls) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return HttpListener.open(port, ctx, tls);
            } catch (java.net.BindException e) {
                if (port == 0 || attempt >= BIND_TRIES) throw e;
                try {
                    Thread.sleep(BIND_RETRY_MS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void bindError(SimContext ctx, String addr, String why) {
        ctx.log(LogLevel.ERROR, SIM_C, 2, why);
        ctx.log(LogLevel.ERROR, HTTP_C, 335, "Error binding to [" + addr + "]");
    }

    /** A setup problem the boot log reports (one line, for the user to fix). */
    private static final class SetupException extends Exception {
        SetupException(String why) { super(why, null, false, false); }
    }

    private HttpListener.TlsSetup tlsSetup(SimContext ctx, SimConfigView cfg, String certFile, String keySpec) throws SetupException {
        byte[] pem = fs.read(certFile).orElseThrow(() -> new SetupException("http.ssl_cert: no file " + certFile + " on the board"));
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException | ClassCastException e) {
            throw new SetupException("http.ssl_cert: " + certFile + " is not an X.509 certificate (PEM or DER)");
        }
        if (!(cert.getPublicKey() instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new SetupException("http.ssl_cert: " + certFile + " does not hold a P-256 key; the chip signs only with P-256");
        }
        Matcher m = ATCA_KEY.matcher(keySpec);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 15) {
            throw new SetupException("http.ssl_key '" + keySpec + "': the simulated board serves HTTPS only with a chip key, ATCA:0 .. ATCA:15");
        }
        int slot = Integer.parseInt(m.group(1));
        Optional<ChipOps> chip = atca.chip();
        if (chip.isEmpty()) throw new SetupException("http.ssl_key ATCA:" + slot + ": the chip is not available (sys.atca.enable=true, i2c.enable=true)");
        EcdhSlots slots = new EcdhSlots(cfg.integer("sys.atca.ecdh_slots_mask", 0x0c));
        if (slots.isEmpty()) throw new SetupException("sys.atca.ecdh_slots_mask is 0: no chip slot for the ECDHE key");
        try {
            return new HttpListener.TlsSetup(new ChipKey(chip.get(), slot, cert.getPublicKey(), certFile, ctx), cert.getEncoded(), slots);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new SetupException("http.ssl_cert: " + certFile + " cannot be encoded: " + e.getMessage());
        }
    }

    /** Closes this boot's listener (a reboot or power-off drops the server and its connections). */
    @Override public void powerOff() {
        HttpListener l = listener;
        listener = null;
        if (l != null) l.close();
    }
}
