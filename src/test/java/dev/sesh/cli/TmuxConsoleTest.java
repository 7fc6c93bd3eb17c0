package dev.sesh.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console on a real terminal: tmux runs sesh in a pty, send-keys types, capture-pane reads the
 * screen. Proves TAB completion, the status prompt and the Ctrl-C / exit keys as a user meets them.
 */
class TmuxConsoleTest {
    @TempDir Path home;
    private String session;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(SimServeTest.onPath("tmux"), "tmux is not installed (CI installs it)");
        session = "sesh-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path launcher = home.resolve("run-sesh.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexec env SESH_HOME='" + home + "' NO_COLOR=1 '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' " + Main.class.getName() + " --port sim:\n", StandardCharsets.UTF_8);
        launcher.toFile().setExecutable(true);
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", launcher.toString());
        screenShows(s -> s.contains("sesh [sim]>"), 20_000);
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) tmux("kill-session", "-t", session);
    }

    @Test
    void tabCompletesAPartialCommand() throws Exception {
        tmux("send-keys", "-t", session, "inf", "Tab");
        String screen = screenShows(s -> s.contains("sesh [sim]> info"), 5_000);
        assertTrue(screen.contains("sesh [sim]> info"), screen);
        tmux("send-keys", "-t", session, "Enter");
        screen = screenShows(s -> s.contains("esp8266_"), 10_000);
        assertTrue(screen.contains("uptime"), screen);
    }

    @Test
    void tabCompletesAnRpcMethodName() throws Exception {
        tmux("send-keys", "-t", session, "rpc list", "Enter");
        screenShows(s -> s.contains("Sys.SetDebug"), 10_000);
        tmux("send-keys", "-t", session, "call Sys.GetI", "Tab");
        String screen = screenShows(s -> s.contains("call Sys.GetInfo"), 5_000);
        assertTrue(screen.contains("call Sys.GetInfo"), screen);
    }

    @Test
    void ctrlCOnAnEmptyLineDoesNotExitAndCtrlDDoes() throws Exception {
        tmux("send-keys", "-t", session, "C-c");
        Thread.sleep(300);
        tmux("send-keys", "-t", session, "status", "Enter");
        String screen = screenShows(s -> s.contains("connected"), 5_000);
        assertTrue(screen.contains("true"), screen);
        tmux("send-keys", "-t", session, "C-d");
        waitForExit(5_000);
    }

    private void waitForExit(long ms) throws Exception {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            if (tmuxQuiet("has-session", "-t", session) != 0) {
                session = null;
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sesh did not exit on Ctrl-D:\n" + capture());
    }

    private String screenShows(Predicate<String> ok, long ms) throws Exception {
        long end = System.currentTimeMillis() + ms;
        String s = "";
        while (System.currentTimeMillis() < end) {
            s = capture();
            if (ok.test(s)) return s;
            Thread.sleep(100);
        }
        throw new AssertionError("screen never showed what was expected:\n" + s);
    }

    private String capture() throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return out;
    }

    private static void tmux(String... args) throws IOException, InterruptedException {
        int rc = tmuxQuiet(args);
        if (rc != 0) throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + rc);
    }

    private static int tmuxQuiet(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tmux");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
