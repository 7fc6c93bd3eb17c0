package dev.sesh.rpc.listen;

import dev.sesh.SeshException;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a TCP listener appear as a serial device ({@code sim serve --pty LINK}): socat creates a
 * pty, links it at {@code link} and connects it to {@code target}
 * ({@code socat pty,raw,echo=0,link=LINK,ignoreeof tcp:HOST:PORT}). {@code ignoreeof} keeps the pty
 * and the connection across clients, like a real UART whose board stays powered while host programs
 * come and go (restarting socat per client left a window in which the link did not exist). A
 * supervisor thread starts socat again if it dies. Clients open {@code link} through jSerialComm,
 * the same code path as a real board.
 */
public final class PtyBridge implements Closeable {
    private static final System.Logger LOG = System.getLogger(PtyBridge.class.getName());
    /** socat creates the link within milliseconds; this bounds the wait before giving up. */
    private static final long LINK_WAIT_MS = 5000;
    /** socat dying this quickly this many times in a row is a setup error, not a client leaving. */
    private static final long QUICK_EXIT_MS = 200;
    private static final int QUICK_EXITS = 5;

    private final Path link;
    private final InetSocketAddress target;
    private final Thread supervisor;
    private volatile boolean closed;
    private volatile Process socat;
    private volatile long runs;

    private PtyBridge(Path link, InetSocketAddress target) {
        this.link = link;
        this.target = target;
        this.supervisor = new Thread(this::supervise, "sesh-pty-" + link.getFileName());
        supervisor.setDaemon(true);
    }

    /**
     * Starts socat and waits until {@code link} exists. Throws {@link SeshException#failed} when
     * socat is missing or does not create the link.
     */
    public static PtyBridge start(Path link, InetSocketAddress target) {
        if (!onPath("socat")) {
            throw SeshException.failed("--pty needs socat, which is not installed", "install it (apt-get install socat), or use --listen tcp://");
        }
        if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            throw SeshException.badArg(link + " exists and is not a link", "choose a new path for --pty, e.g. /tmp/ttySIM");
        }
        PtyBridge b = new PtyBridge(link, target);
        try {
            b.socat = b.launch();
            b.runs = 1;
            long end = System.nanoTime() + LINK_WAIT_MS * 1_000_000L;
            while (!Files.exists(link) && b.socat.isAlive() && System.nanoTime() < end) Thread.sleep(5);
        } catch (IOException e) {
            throw SeshException.failed("cannot start socat: " + e.getMessage(), "check that socat runs: socat -V");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Files.exists(link)) {
            b.close();
            throw SeshException.failed("socat did not create " + link, "check that the folder exists and is writable");
        }
        b.supervisor.start();
        return b;
    }

    /** The path clients pass to {@code --port}. */
    public Path link() { return link; }

    /** How many socat processes were started (1 unless socat died and was restarted). */
    public long runs() { return runs; }

    private Process launch() throws IOException {
        String host = target.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        // ignoreeof: a client closing the pty is not the end of the stream; the next client gets the same pty.
        return new ProcessBuilder("socat",
                "pty,raw,echo=0,link=" + link + ",ignoreeof", "tcp:" + host + ":" + target.getPort())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void supervise() {
        int quick = 0;
        while (!closed) {
            long started = System.nanoTime();
            try {
                socat.waitFor();
                quick = (System.nanoTime() - started) / 1_000_000L < QUICK_EXIT_MS ? quick + 1 : 0;
                if (quick >= QUICK_EXITS) {
                    LOG.log(Level.WARNING, "socat keeps exiting at once; " + link + " is no longer served");
                    return;
                }
                synchronized (this) {
                    // Checked under the lock so close() never misses a socat started after it looked.
                    if (closed) return;
                    socat = launch();
                    runs++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot restart socat: " + e);
                return;
            }
        }
    }

    /** Stops socat; the link disappears with it. */
    @Override public void close() {
        Process p;
        synchronized (this) {
            closed = true;
            p = socat;
        }
        if (p != null) {
            p.destroy();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        supervisor.interrupt();
    }

    /** True when an executable named {@code cmd} is on the PATH. */
    public static boolean onPath(String cmd) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, cmd))) return true;
        }
        return false;
    }
}
