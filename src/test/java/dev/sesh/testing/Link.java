package dev.sesh.testing;

import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.transport.Transport;

import java.io.IOException;

/** The links protocol tests run over (style.md rule 9): an in-process pipe and a TCP loopback socket. */
public enum Link {
    IN_PROCESS, TCP;

    /** The two ends of a fresh link. */
    public record Ends(Transport host, Transport device) {}

    public Ends open() throws IOException {
        if (this == IN_PROCESS) {
            InProcessTransport.Pair p = InProcessTransport.pair();
            return new Ends(p.host(), p.device());
        }
        TcpLoopback.Pair p = TcpLoopback.open();
        return new Ends(p.host(), p.device());
    }
}
