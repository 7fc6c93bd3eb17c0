package dev.sesh.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in completion scripts in a real bash and zsh on a tmux terminal, with the port every
 * doc uses ({@code --port sim:}, which bash splits at the colon) before the command.
 */
class CompletionInShellsTest {
    private static final String SOCKET = "sesh-compl-" + ProcessHandle.current().pid();
    @TempDir Path dir;
    private String session;

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void subcommandsCompleteAfterPortSim(String shell) throws Exception {
        start(shell);
        type("sesh --port sim: i2c s", "Tab", "Tab");
        String screen = screenShows(s -> s.contains("scan") && s.contains("set"), 20_000);
        assertFalse(screen.contains("serve"), "i2c s<Tab> offered sim's subcommand:\n" + screen);
        type("C-u", "clear", "Enter");
        screenShows(s -> !s.contains("scan"), 10_000);
        type("sesh --port sim: atca ", "Tab", "Tab");
        screen = screenShows(s -> s.contains("slots") && s.contains("config") && s.contains("lock"), 20_000);
        assertFalse(screen.contains("serve"), screen);
        type("C-u", "clear", "Enter");
        screenShows(s -> !s.contains("slots"), 10_000);
        type("sesh --port tcp://127.0.0.1:7777 --json fs ", "Tab", "Tab");
        screenShows(s -> s.contains("cat") && s.contains("put") && s.contains("ls"), 20_000);
    }

    private void start(String shell) throws Exception {
        dev.sesh.testing.Tools.need("tmux");
        dev.sesh.testing.Tools.need(shell);
        session = "c" + System.nanoTime();
        Path rc = dir.resolve("rc");
        Path script = Path.of(shell.equals("bash") ? "completions/sesh.bash" : "completions/_sesh").toAbsolutePath();
        // zsh: as a user with compinit in .zshrc who sources the script (compinit is slow: wait for READY).
        Files.writeString(rc, (shell.equals("zsh") ? "autoload -U compinit && compinit -u\n" : "")
                + "source '" + script + "'\nsesh() { :; }\nPS1='$ '\necho READY\n", StandardCharsets.UTF_8);
        String cmd = shell.equals("bash") ? "bash --norc --noprofile -i" : "zsh -f -i";
        tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "40", "env ZDOTDIR=/nonexistent TERM=xterm " + cmd);
        type("source '" + rc + "'", "Enter");
        screenShows(s -> s.lines().anyMatch(l -> l.equals("READY")), 60_000);
        type("clear", "Enter");
        screenShows(s -> !s.contains("READY"), 10_000);
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) new ProcessBuilder(List.of("tmux", "-L", SOCKET, "kill-session", "-t", session)).start().waitFor(5, TimeUnit.SECONDS);
    }

    private void type(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private String screenShows(Predicate<String> ok, long ms) throws Exception {
        long end = System.currentTimeMillis() + ms;
        String s = "";
        while (System.currentTimeMillis() < end) {
            Process p = new ProcessBuilder(List.of("tmux", "-L", SOCKET, "capture-pane", "-p", "-t", session)).redirectErrorStream(true).start();
            s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            if (ok.test(s)) return s;
            Thread.sleep(100);
        }
        throw new AssertionError("screen never showed what was expected:\n" + s);
    }

    private static void tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "tmux " + String.join(" ", args) + ": " + out);
    }
}
