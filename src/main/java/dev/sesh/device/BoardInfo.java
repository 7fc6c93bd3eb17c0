package dev.sesh.device;

/**
 * What Sys.GetInfo says about a board (mos-rpc.md 4.2). Sizes in bytes, uptime in seconds.
 * {@code json} keeps the reply's result text as the board sent it, for {@code --json}.
 */
public record BoardInfo(String id, String app, String fwVersion, String fwId, String mgVersion, String mgId,
                        String mac, String arch, long uptime, String publicKey, long ramSize, long ramFree,
                        long ramMinFree, long fsSize, long fsFree, WifiInfo wifi, String json) {

    /**
     * Whose twin this board is: a simulated copy made by {@code twin DIR} says so in Sys.GetInfo
     * ({@code twin_of}, issue 23); empty for every real board.
     */
    public java.util.Optional<String> twinOf() {
        com.fasterxml.jackson.databind.JsonNode t = dev.sesh.rpc.frame.FrameJson.parse(json).path("twin_of");
        return t.isTextual() && !t.asText().isEmpty() ? java.util.Optional.of(t.asText()) : java.util.Optional.empty();
    }

    /** The wifi object of Sys.GetInfo; empty strings when absent. */
    public record WifiInfo(String staIp, String apIp, String status, String ssid) {}
}
