package dev.sesh.rpc;

/**
 * The board answered {@code method} with {@code "error":{"code":code,"message":...}} and a non-zero
 * code (mos-rpc.md 2.4: 400 bad argument, 404 no such method/key, 500 failed, 503 I2C, ...). Exit code 1.
 */
public final class RpcRemoteException extends RpcException {
    private final String method;
    private final int code;
    private final String remoteMessage;

    public RpcRemoteException(String method, int code, String remoteMessage) {
        super(method + " failed: " + code + (remoteMessage.isEmpty() ? "" : " " + remoteMessage), hint(code, remoteMessage), FAILED, null);
        this.method = method;
        this.code = code;
        this.remoteMessage = remoteMessage;
    }

    public String method() { return method; }

    public int code() { return code; }

    /** The board's message text, empty if it sent none. */
    public String remoteMessage() { return remoteMessage; }

    private static String hint(int code, String remoteMessage) {
        // A stock board has I2C off; the bus is set up at boot, so the fix is a config change and a reboot.
        if (code == 503 && remoteMessage.contains("I2C is disabled")) return "config set i2c.enable=true (the board reboots; the bus is set up at boot)";
        return switch (code) {
            case 400 -> "the board rejected an argument";
            case 401, 403 -> "the board's RPC ACL refuses this method";
            case 404 -> "the board has no such method or key; see 'rpc list'";
            case 418 -> "the board is rebooting; try again in a few seconds";
            case 503 -> "I2C is disabled or nothing answered on the bus";
            default -> "the board reported an error";
        };
    }
}
