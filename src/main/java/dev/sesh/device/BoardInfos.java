package dev.sesh.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.SeshException;
import dev.sesh.rpc.frame.FrameJson;

/** Reads Sys.GetInfo's result (mos-rpc.md 4.2) into a {@link BoardInfo}; absent fields read as empty/0. */
final class BoardInfos {
    private BoardInfos() {}

    static BoardInfo parse(String json) {
        JsonNode n = FrameJson.parse(json);
        if (!n.isObject()) throw SeshException.failed("Sys.GetInfo returned " + json + ", not an object", "is this a Mongoose OS board?");
        JsonNode w = n.path("wifi");
        BoardInfo.WifiInfo wifi = w.isObject()
                ? new BoardInfo.WifiInfo(w.path("sta_ip").asText(""), w.path("ap_ip").asText(""), w.path("status").asText(""), w.path("ssid").asText(""))
                : null;
        return new BoardInfo(n.path("id").asText(""), n.path("app").asText(""), n.path("fw_version").asText(""),
                n.path("fw_id").asText(""), n.path("mg_version").asText(""), n.path("mg_id").asText(""),
                n.path("mac").asText(""), n.path("arch").asText(""), n.path("uptime").asLong(0),
                n.path("public_key").isNull() ? "" : n.path("public_key").asText(""),
                n.path("ram_size").asLong(0), n.path("ram_free").asLong(0), n.path("ram_min_free").asLong(0),
                n.path("fs_size").asLong(0), n.path("fs_free").asLong(0), wifi, json);
    }
}
