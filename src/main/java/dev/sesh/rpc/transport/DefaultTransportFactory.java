package dev.sesh.rpc.transport;

import dev.sesh.SeshException;

import java.time.Duration;

/**
 * Opens serial, TCP and WebSocket ports as a host. A {@code sim:} spec needs the simulator, which
 * this package does not know: {@code cli} supplies a factory that opens it and delegates the rest
 * here (style.md, "Who may import whom").
 */
public class DefaultTransportFactory implements TransportFactory, PortSpec.Opener {
    private final Duration connectTimeout;

    public DefaultTransportFactory() { this(TcpTransport.DEFAULT_CONNECT_TIMEOUT); }

    public DefaultTransportFactory(Duration connectTimeout) { this.connectTimeout = connectTimeout; }

    @Override public Transport open(PortSpec spec) throws java.io.IOException { return spec.openWith(this); }

    @Override public Transport openSerial(PortSpec.Serial s) { return SerialTransport.open(s.path(), s.baud(), XonXoff.standard()); }

    @Override public Transport openTcp(PortSpec.Tcp t) { return TcpTransport.connect(t.host(), t.port(), connectTimeout, XonXoff.standard()); }

    @Override public Transport openWebSocket(PortSpec.WebSocket w) { return WebSocketTransport.connect(w.uri(), connectTimeout); }

    /** Refuses: override in a factory that knows the simulator. */
    @Override public Transport openSim(PortSpec.Sim s) {
        throw SeshException.badArg("cannot open " + s.text() + " here: the simulated board is not available in this context",
                "use a serial device, tcp:// or ws:// port");
    }
}
