package dev.sesh.device;

/**
 * What Sys.GetInfo says about a board (mos-rpc.md 4.2). Sizes in bytes, uptime in seconds.
 * {@code json} keeps the reply's result text as the board sent it, for {@code --json}.
 */
public record BoardInfo(String id, String app, String fwVersion, String fwId, String mgVersion, String mgId,
                        String mac, String arch, long uptime, String publicKey, long ramSize, long ramFree,
                        long ramMinFree, long fsSize, long fsFree, WifiInfo wifi, String json) {

    /** The wifi object of Sys.GetInfo; empty strings when absent. */
    public record WifiInfo(String staIp, String apIp, String status, String ssid) {}
}
