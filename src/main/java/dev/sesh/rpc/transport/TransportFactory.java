package dev.sesh.rpc.transport;

import java.io.IOException;

/** Opens a {@link Transport} for a {@link PortSpec}. {@code cli} supplies one that also knows {@code sim:}. */
@FunctionalInterface
public interface TransportFactory {
    Transport open(PortSpec spec) throws IOException;
}
