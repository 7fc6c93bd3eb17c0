package dev.sesh.rpc.transport;

import dev.sesh.SeshException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens serial, TCP, WebSocket and HTTP(S) ports as a host. A {@code sim:} spec needs the simulator, which
 * this package does not know: {@code cli} supplies a factory that opens it and delegates the rest
 * here (style.md, "Who may import whom").
 */
public class DefaultTransportFactory implements TransportFactory, PortSpec.Opener {
    private final Duration connectTimeout;
    private final Optional<Path> ca;
    private final java.util.function.Consumer<String> notices;

    public DefaultTransportFactory() { this(TcpTransport.DEFAULT_CONNECT_TIMEOUT); }

    public DefaultTransportFactory(Duration connectTimeout) { this(connectTimeout, Optional.empty()); }

    /** {@code ca}: PEM certificates an https:// board's certificate must verify against ({@code --ca}). */
    public DefaultTransportFactory(Duration connectTimeout, Optional<Path> ca) {
        this(connectTimeout, ca, line -> {
            System.err.println(line);
            System.err.flush();
        });
    }

    /** {@code notices}: where a link says in one line what it did by itself (a ws:// link reopened after a drop). */
    public DefaultTransportFactory(Duration connectTimeout, Optional<Path> ca, java.util.function.Consumer<String> notices) {
        this.connectTimeout = connectTimeout;
        this.ca = ca;
        this.notices = notices;
    }

    @Override public Transport open(PortSpec spec) throws java.io.IOException { return spec.openWith(this); }

    @Override public Transport openSerial(PortSpec.Serial s) { return SerialTransport.open(s.path(), s.baud(), XonXoff.standard()); }

    @Override public Transport openTcp(PortSpec.Tcp t) { return TcpTransport.connect(t.host(), t.port(), connectTimeout, XonXoff.standard()); }

    @Override public Transport openWebSocket(PortSpec.WebSocket w) { return WebSocketTransport.connect(w.uri(), connectTimeout, notices); }

    @Override public Transport openHttp(PortSpec.Http h) { return HttpTransport.connect(h.uri(), connectTimeout, ca); }

    /** Refuses: override in a factory that knows the simulator. */
    @Override public Transport openSim(PortSpec.Sim s) {
        throw SeshException.badArg("cannot open " + s.text() + " here: the simulated board is not available in this context",
                "use a serial device, tcp:// or ws:// port");
    }
}
