package dev.sesh.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.rpc.frame.FrameJson;

/**
 * A successful reply: {@code resultJson} is the reply's {@code result} value exactly as the board
 * wrote it (spacing kept), or {@code null} (the JSON text) when it sent none, as Sys.SetDebug does.
 */
public record RpcResponse(String method, String resultJson) {
    /** The result parsed leniently. */
    public JsonNode result() { return FrameJson.parse(resultJson); }
}
