package dev.sesh.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two linked ptys from socat ({@code socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B}): open one
 * end with SerialTransport (the jSerialComm code path a board uses) and give the other to a peer.
 * A test using it is skipped, not failed, where socat is missing; CI installs it.
 */
public final class PtyPair implements AutoCloseable {
    /** The two pty links; bytes written to one are read from the other. */
    public final Path a;
    public final Path b;
    private final Process socat;

    private PtyPair(Path a, Path b, Process socat) {
        this.a = a;
        this.b = b;
        this.socat = socat;
    }

    /** Skips the calling test when socat is missing. */
    public static void requireSocat() {
        Tools.need("socat");
    }

    /** Starts socat with both links inside {@code dir} (a @TempDir). */
    public static PtyPair start(Path dir) throws IOException, InterruptedException {
        requireSocat();
        Path a = dir.resolve("ttyA");
        Path b = dir.resolve("ttyB");
        Process p = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        // Setup wait, not behaviour timing: socat creates both links within milliseconds.
        for (int i = 0; i < 500 && !(Files.exists(a) && Files.exists(b)); i++) {
            if (!p.isAlive()) throw new IOException("socat exited: " + Files.readString(dir.resolve("socat.log")));
            Thread.sleep(10);
        }
        if (!(Files.exists(a) && Files.exists(b))) {
            p.destroyForcibly();
            throw new IOException("socat did not create its ptys");
        }
        return new PtyPair(a, b, p);
    }

    /** Ends socat, which closes both pty masters: the device "vanishes". */
    public void kill() throws InterruptedException {
        socat.destroy();
        socat.waitFor();
    }

    @Override public void close() throws InterruptedException {
        if (socat.isAlive()) kill();
    }

}
