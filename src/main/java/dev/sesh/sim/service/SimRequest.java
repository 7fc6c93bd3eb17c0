package dev.sesh.sim.service;

/**
 * A request as a handler sees it: the method name as sent (case kept, the match is
 * case-insensitive) and the arguments from {@code params} (or its synonym {@code args}).
 */
public record SimRequest(String method, DeviceArgs args) {
    public SimRequest {
        if (method == null || args == null) throw new IllegalArgumentException("method and args are required");
    }
}
