package dev.sesh.testing;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * External programs some tests drive (socat for ptys, tmux for real terminals, curl and openssl as
 * independent TLS clients). Where a tool is missing the test is skipped with a line naming the tool
 * and how to install it; on CI ({@code SESH_REQUIRE_TOOLS=1}, set by .ci/run, or the system property
 * {@code sesh.requireTools=true}) a missing tool fails the test instead, so CI never skips silently.
 */
public final class Tools {
    private static final Map<String, String> WHY = Map.of(
            "socat", "the serial-path tests make a pty pair with it",
            "tmux", "the console tests drive a real terminal with it",
            "curl", "an independent HTTPS client for the simulated board",
            "openssl", "an independent TLS client for the simulated board",
            "bash", "the bash completion tests run it",
            "zsh", "the zsh completion tests run it");

    private Tools() {}

    /** True when an executable of that name is on the PATH. */
    public static boolean onPath(String exe) { return dev.sesh.rpc.listen.PtyBridge.onPath(exe); }

    /** True on CI: missing tools fail instead of skipping. */
    public static boolean required() {
        return "1".equals(System.getenv("SESH_REQUIRE_TOOLS")) || Boolean.getBoolean("sesh.requireTools");
    }

    /** Skips (or on CI fails) the calling test when {@code exe} is not installed. */
    public static void need(String exe) {
        if (onPath(exe)) return;
        String msg = exe + " is not installed (" + WHY.getOrDefault(exe, "a test needs it")
                + "): install it, e.g. `sudo apt-get install " + exe + "` or `brew install " + exe + "`; .ci/run installs it";
        if (required()) Assertions.fail(msg + " [SESH_REQUIRE_TOOLS=1: CI does not skip]");
        System.err.println("SKIPPED: " + msg);
        Assumptions.assumeTrue(false, msg);
    }
}
