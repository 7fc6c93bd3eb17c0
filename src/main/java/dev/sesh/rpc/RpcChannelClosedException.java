package dev.sesh.rpc;

/** The link to the board ended (peer closed, cable pulled, client closed) before an answer came. Exit code 4. */
public final class RpcChannelClosedException extends RpcException {
    public RpcChannelClosedException(String portName, Throwable cause) {
        super("connection to " + portName + " closed", "check the cable or the board, then reconnect", UNREACHABLE, cause);
    }
}
