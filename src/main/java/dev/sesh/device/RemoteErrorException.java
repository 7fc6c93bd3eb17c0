package dev.sesh.device;

import dev.sesh.SeshException;

/** The board answered a call with an error object (mos-rpc.md 2.4); {@code code} as the board sent it. */
public final class RemoteErrorException extends SeshException {
    private final String method;
    private final int code;
    private final String remoteMessage;

    public RemoteErrorException(String method, int code, String remoteMessage, String hint) {
        super(method + " failed: remote error " + code + (remoteMessage.isEmpty() ? "" : ": " + remoteMessage), hint, FAILED);
        this.method = method;
        this.code = code;
        this.remoteMessage = remoteMessage;
    }

    public String method() { return method; }

    public int code() { return code; }

    public String remoteMessage() { return remoteMessage; }
}
