package dev.sesh.cli;

import org.junit.jupiter.api.AfterAll;
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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console on a real terminal: tmux runs sesh in a pty, send-keys types, capture-pane reads the
 * screen. Proves TAB completion, the status prompt and the Ctrl-C / exit keys as a user meets them.
 */
class TmuxConsoleTest {
    private static final String SOCKET = "sesh-test-" + ProcessHandle.current().pid();
    @TempDir Path home;
    private String session;

    @BeforeEach
    void start() throws Exception {
        open("sim:");
    }

    /** Starts sesh on {@code port} in a fresh tmux session (ending the one {@link #start} made). */
    private void open(String port) throws Exception {
        open(port, true);
    }

    private void open(String port, boolean noColor) throws Exception {
        open(port, noColor, s -> s.contains("sesh [sim]>"));
    }

    private void open(String port, boolean noColor, Predicate<String> started) throws Exception {
        dev.sesh.testing.Tools.need("tmux");
        if (session != null) tmux("kill-session", "-t", session);
        session = "sesh-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path launcher = home.resolve("run-sesh.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\ncd '" + home + "'\nexec env SESH_HOME='" + home + "'" + (noColor ? " NO_COLOR=1" : "") + " TERM=xterm-256color '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' " + Main.class.getName() + " --port '" + port + "'\n", StandardCharsets.UTF_8);
        launcher.toFile().setExecutable(true);
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", launcher.toString());
        tmux("set-option", "-s", "exit-empty", "off");
        screenShows(started, 20_000);
    }

    private void type(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** The screen's last non-blank line: where the prompt and the line being typed are. */
    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void tabListsSlotNumbersInOrderWithKeyTypeAndLockState() throws Exception {
        type("atca info", "Enter");
        screenShows(s -> s.contains("config zone") && lastLine(s).contains("cfg:open data:open]>"), 20_000);
        type("C-l");                                  // JLine clear-screen: only what follows is on screen
        type("atca read ", "Tab");
        String screen = screenShows(s -> s.contains("15 (") && s.contains("0  ("), 5_000);
        assertTrue(screen.matches("(?s).*\\b0  \\([^)]*open\\).*"), screen);
        assertTrue(screen.indexOf("2  (") < screen.indexOf("10 ("), "numeric order, not 0 1 10 11:\n" + screen);
        type("7", "Tab");
        screenShows(s -> lastLine(s).endsWith("atca read 7"), 5_000);
    }

    @Test
    void tabCompletesARemoteFileName() throws Exception {
        type("fs ls", "Enter");
        screenShows(s -> s.contains("conf0.json"), 10_000);
        type("fs cat conf0", "Tab");
        String screen = screenShows(s -> lastLine(s).endsWith("fs cat conf0.json"), 5_000);
        type("Enter");
        screen = screenShows(s -> s.contains("{") && lastLine(s).endsWith("]>"), 10_000);
        assertTrue(screen.contains("conf0.json"), screen);
        assertTrue(lastLine(screen).startsWith("sesh [sim]>"), "output without a final newline does not push the prompt right:\n" + screen);
    }

    @Test
    void typedPhraseLocksTheConfigZoneAndThePromptShowsIt() throws Exception {
        type("atca lock config", "Enter");
        String screen = screenShows(s -> s.contains("to proceed:"), 20_000);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("type \"(lock config [0-9a-f]{4})\"").matcher(screen);
        assertTrue(m.find(), screen);
        type("lock config 0000", "Enter");
        screen = screenShows(s -> lastLine(s).endsWith("]>"), 10_000);
        assertTrue(screen.contains("cfg:open"), "a wrong phrase declines:\n" + screen);
        type("atca lock config", "Enter");
        screenShows(s -> s.lastIndexOf("to proceed:") > s.lastIndexOf("cfg:open data:open]>"), 20_000);
        type(m.group(1), "Enter");
        screen = screenShows(s -> lastLine(s).contains("cfg:locked data:open]>"), 20_000);
        assertTrue(screen.contains("config zone locked"), screen);
    }

    @Test
    void ctrlCDuringFsPutCancelsAndLeavesNoPartialFile() throws Exception {
        open("sim:?baud=115200");
        byte[] big = new byte[96 * 1024];
        new java.util.Random(7).nextBytes(big);
        Files.write(home.resolve("big.bin"), big);
        type("fs put big.bin", "Enter");
        screenShows(s -> s.contains("apply? [y/N]") || s.contains("%"), 20_000);
        if (capture().contains("apply? [y/N]")) type("y", "Enter");
        screenShows(s -> s.contains("Receiving"), 30_000);             // chunks are arriving on the board
        type("C-c");
        String screen = screenShows(s -> s.contains("cancelled") && lastLine(s).endsWith("]>"), 20_000);
        type("C-l");                                  // JLine clear-screen: only what follows is on screen
        type("fs ls", "Enter");
        screen = screenShows(s -> s.contains("conf0.json") && lastLine(s).endsWith("]>"), 20_000);
        assertFalse(screen.contains("big.bin"), "no partial or temporary file is left:\n" + screen);
    }

    /** Asks the board to reboot {@code delayMs} from now, says y, and clears the screen once the prompt is back. */
    private void rebootLaterOnACleanScreen(int delayMs) throws Exception {
        type("call Sys.Reboot {\"delay_ms\":" + delayMs + "}", "Enter");
        screenShows(s -> s.contains("apply? [y/N]"), 10_000);
        type("y", "Enter");
        screenShows(s -> lastLine(s).endsWith("]>"), 10_000);
        type("C-l");
        // Only once the screen is clear can a wait for "Init done" mean the reboot's.
        screenShows(s -> !s.contains("Rebooting in") && !s.contains("Init done"), 10_000);
    }

    @Test
    void logFollowStreamsNewLinesUntilCtrlCAndTheConsoleGoesOn() throws Exception {
        rebootLaterOnACleanScreen(1500);
        type("log --follow -n 0", "Enter");
        String screen = screenShows(s -> s.contains("Init done"), 20_000);
        assertFalse(screen.contains("[device]"), "followed lines print once, untagged:\n" + screen);
        type("C-c");
        screenShows(s -> lastLine(s).endsWith("]>"), 5_000);
        type("status", "Enter");
        screen = screenShows(s -> s.contains("connected") && lastLine(s).endsWith("]>"), 10_000);
        assertTrue(screen.contains("true"), screen);
    }

    @Test
    void monitorShowsARebootAsItHappensAndEndsOnCtrlRightBracketOrCtrlC() throws Exception {
        rebootLaterOnACleanScreen(2000);
        type("monitor --timestamp relative", "Enter");
        String screen = screenShows(s -> s.contains("Init done"), 20_000);
        assertTrue(screen.contains("monitoring sim:; Ctrl-] or Ctrl-C ends"), screen);
        assertTrue(screen.lines().anyMatch(l -> l.matches("\\[\\+ +\\d+\\.\\d{3}] --- reboot ---")), screen);
        assertTrue(screen.lines().anyMatch(l -> l.matches("\\[\\+ +\\d+\\.\\d{3}] shim_platform\\.c:308 .*")), screen);
        assertFalse(screen.contains("[device]"), "monitored lines print once, untagged:\n" + screen);
        type("C-]");
        screenShows(s -> lastLine(s).endsWith("]>"), 5_000);
        type("C-l");
        type("monitor", "Enter");
        screenShows(s -> s.contains("Ctrl-] or Ctrl-C ends"), 5_000);
        type("C-c");
        screenShows(s -> lastLine(s).endsWith("]>"), 5_000);
        type("status", "Enter");
        screen = screenShows(s -> s.contains("connected") && lastLine(s).endsWith("]>"), 10_000);
        assertTrue(screen.contains("true"), screen);
    }

    @Test
    void noColorKeepsThePromptFreeOfEscapesAndATerminalWithoutItHasColour() throws Exception {
        type("status", "Enter");
        screenShows(s -> s.contains("connected") && lastLine(s).endsWith("]>"), 10_000);
        assertFalse(captureWithEscapes().contains("\u001b["), captureWithEscapes());
        open("sim:", false);
        assertTrue(captureWithEscapes().contains("\u001b["), "the same run on a terminal without NO_COLOR is coloured");
    }

    private String captureWithEscapes() throws Exception {
        Process p = new ProcessBuilder(tmuxCommand("capture-pane", "-e", "-p", "-t", session)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void deviceLogLineArrivesAboveTheLineBeingTyped() throws Exception {
        type("call Sys.Reboot {\"delay_ms\":1500}", "Enter");
        screenShows(s -> s.contains("apply? [y/N]"), 10_000);
        type("y", "Enter");
        screenShows(s -> lastLine(s).endsWith("]>"), 10_000);
        type("stat");
        // The reboot's "Init done", not the first boot's (still on the screen).
        String screen = screenShows(s -> s.split("Init done", -1).length > 2, 20_000);
        assertTrue(lastLine(screen).endsWith("]> stat"), "the typed text stays on the prompt line:\n" + screen);
        type("us", "Enter");
        screen = screenShows(s -> s.contains("connected") && lastLine(s).endsWith("]>"), 10_000);
        assertTrue(screen.contains("true"), screen);
    }

    /**
     * Issue 21: the prompt comes before the board answers and says so; it fills in by itself when the
     * board is there, and a command typed meanwhile runs on that board. A board at 4800 baud takes
     * seconds to boot and answer, so the first prompt is sure to come before it.
     */
    @Test
    void thePromptComesFirstSaysConnectingAndFillsInByItself() throws Exception {
        open("sim:?baud=4800", true, s -> s.contains("]>"));
        String first = screenShows(s -> s.contains("]>"), 20_000);
        assertTrue(lastLine(first).equals("sesh [connecting sim:?baud=4800]>"), "the first prompt names the port being opened:\n" + first);
        String filled = screenShows(s -> lastLine(s).equals("sesh [sim]>"), 30_000);
        assertTrue(filled.contains("Init done"), "the boot text is printed above the prompt:\n" + filled);
        assertFalse(filled.contains("connecting"), "the prompt line is redrawn in place, not repeated:\n" + filled);

        open("sim:?baud=4800", true, s -> s.contains("]>"));
        screenShows(s -> lastLine(s).equals("sesh [connecting sim:?baud=4800]>"), 20_000);
        type("info", "Enter");                       // typed while connecting: waits for the board, runs once
        String screen = screenShows(s -> s.contains("esp8266_DD429D") && lastLine(s).equals("sesh [sim]>"), 30_000);
        assertTrue(screen.split("esp8266_DD429D", -1).length == 2, "info ran once:\n" + screen);
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
    void theFirstTabOnBoardNamesOffersCandidatesWithoutAnEarlierListing() throws Exception {
        type("call Sys.GetI", "Tab");                 // RPC names: nothing has run rpc list
        screenShows(s -> lastLine(s).endsWith("call Sys.GetInfo"), 5_000);
        type("C-u", "fs cat con", "Tab");             // file names: nothing has run fs ls (a fresh board has conf0.json only)
        screenShows(s -> lastLine(s).endsWith("fs cat conf0.json"), 5_000);
        type("C-u", "config get sys.atca.ena", "Tab"); // config keys: nothing has run config get
        screenShows(s -> lastLine(s).endsWith("config get sys.atca.enable"), 5_000);
        type("C-u", "C-l", "atca read ", "Tab");      // slots: nothing has read the chip
        String screen = screenShows(s -> s.contains("15 ("), 5_000);
        assertTrue(screen.matches("(?s).*\\b0  \\([^)]*open\\).*"), screen);
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
    void ctrlRFindsAnEarlierLineAndRunsIt() throws Exception {
        type("rpc describe FS.Get", "Enter");
        screenShows(s -> s.contains("FS.Get {") && lastLine(s).endsWith("]>"), 10_000);
        type("status", "Enter");
        screenShows(s -> s.contains("connected") && lastLine(s).endsWith("]>"), 10_000);
        type("C-l");
        type("C-r", "FS.G");
        String screen = screenShows(s -> s.contains("rpc describe FS.Get"), 5_000);
        type("Enter");
        screen = screenShows(s -> s.contains("FS.Get {") && lastLine(s).endsWith("]>"), 10_000);
        assertTrue(screen.contains("filename"), screen);
    }

    @Test
    void ctrlCStopsGroovySleepsAndEndlessLoopsAndTheConsoleGoesOn() throws Exception {
        type("Thread.sleep(600000)", "Enter");
        Thread.sleep(1500);
        type("C-c");
        screenShows(s -> s.contains("error: cancelled") && lastLine(s).endsWith("]>"), 10_000);
        type("C-l");
        type("n = 0; while (true) { n++ }", "Enter");
        Thread.sleep(1500);
        type("C-c");
        screenShows(s -> s.contains("error: cancelled") && lastLine(s).endsWith("]>"), 10_000);
        type("status", "Enter");
        String screen = screenShows(s -> s.contains("connected") && lastLine(s).endsWith("]>"), 10_000);
        assertTrue(screen.contains("true"), screen);
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
        Process p = new ProcessBuilder(tmuxCommand("capture-pane", "-p", "-t", session)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return out;
    }

    private static void tmux(String... args) throws IOException, InterruptedException {
        int rc = tmuxQuiet(args);
        if (rc != 0) throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + rc);
    }

    /**
     * tmux on this test run's own server socket: a user's tmux is not touched, and the server is
     * told not to exit when its last session ends ({@code exit-empty off}), so a new session right
     * after a kill never meets a server on its way out. {@link #stopServer} ends it.
     */
    private static List<String> tmuxCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (!dev.sesh.testing.Tools.onPath("tmux")) return;
        Process p = new ProcessBuilder(tmuxCommand("display-message", "-p", "#{socket_path}")).redirectErrorStream(true).start();
        String socketPath = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(5, TimeUnit.SECONDS);
        tmuxQuiet("kill-server");
        if (socketPath.endsWith(SOCKET)) Files.deleteIfExists(Path.of(socketPath));
    }

    private static int tmuxQuiet(String... args) throws IOException, InterruptedException {
        List<String> cmd = tmuxCommand(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
