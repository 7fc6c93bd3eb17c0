package dev.sesh.sim.service;

/**
 * One RPC method as registered on the simulated board: its name (as RPC.List prints it), its
 * argument format (as RPC.Describe prints it, e.g. {@code {filename: %Q, offset: %ld}}; empty for
 * none) and its handler. Handlers run on the board's event loop, one at a time.
 */
public record SimMethod(String name, String argsFmt, Handler handler) {
    public SimMethod {
        if (name == null || name.isEmpty() || argsFmt == null || handler == null)
            throw new IllegalArgumentException("name, argsFmt and handler are required");
    }

    /** The code behind a method. */
    @FunctionalInterface
    public interface Handler {
        SimReply handle(SimRequest req, SimContext ctx);
    }
}
