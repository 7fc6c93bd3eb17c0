package dev.sesh.cli;

import dev.sesh.SeshException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a simulated board appear as a serial device: runs {@code socat pty,raw,echo=0,link=LINK,wait-slave
 * tcp:HOST:PORT} against the board's TCP listener, and starts it again after each client leaves, so
 * {@code sesh --port LINK} goes through jSerialComm, the real serial code path.
 */
final class SocatPty implements AutoCloseable {
    private final List<String> command;
    private final PrintStream err;
    private final Thread keeper;
    private volatile Process process;
    private volatile boolean closed;

    private SocatPty(List<String> command, PrintStream err) {
        this.command = command;
        this.err = err;
        this.keeper = new Thread(this::keep, "socat-pty");
        keeper.setDaemon(true);
    }

    static SocatPty start(Path link, String tcpUrl, PrintStream err) {
        String hostPort = tcpUrl.substring("tcp://".length());
        List<String> cmd = List.of("socat", "pty,raw,echo=0,link=" + link.toAbsolutePath() + ",wait-slave", "tcp:" + hostPort);
        SocatPty p = new SocatPty(cmd, err);
        p.launch();
        p.keeper.start();
        return p;
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw SeshException.failed("cannot run socat: " + e.getMessage(), "install socat (apt-get install socat), or use --listen tcp:// without --pty");
        }
    }

    private void keep() {
        while (!closed) {
            try {
                int rc = process.waitFor();
                if (closed) return;
                if (rc != 0) Thread.sleep(200);     // socat failed (e.g. listener busy); try again shortly
                launch();
            } catch (InterruptedException e) {
                return;
            } catch (SeshException e) {
                err.println("error: " + e.getMessage());
                return;
            }
        }
    }

    @Override public void close() {
        closed = true;
        keeper.interrupt();
        Process p = process;
        if (p != null) p.destroy();
    }
}
