package dev.sesh.shell.command.fs;

import dev.sesh.device.TransferProgress;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.ProgressBar;

import java.util.Locale;

/**
 * A transfer's progress bar (made on the first report, when the total is known) and its summary
 * line: {@code ecc.crt.pem  574 B  put in 0.1 s (5.6 KB/s)}. Times come from the board's clock.
 */
final class TransferBar implements TransferProgress, AutoCloseable {
    private final Session session;
    private final String label;
    private long start;
    private ProgressBar bar;

    TransferBar(Session session, String label) {
        this.session = session;
        this.label = label;
    }

    /** The first report (0 bytes, before the first request) starts the clock, so time at the confirm prompt does not count. */
    @Override public void advanced(long done, long total) {
        if (bar == null) {
            start = session.board().clock().nanos();
            bar = session.progress(label, total);
        }
        bar.update(done);
    }

    /** One line for stderr once the transfer is done. */
    String summary(String verb, long bytes) {
        double s = bar == null ? 0 : (session.board().clock().nanos() - start) / 1e9;
        String rate = s > 0 && bytes > 0 ? String.format(Locale.ROOT, " (%s/s)", ProgressBar.size((long) (bytes / s))) : "";
        return String.format(Locale.ROOT, "%s  %s  %s in %.1f s%s", label, ProgressBar.size(bytes), verb, s, rate);
    }

    @Override public void close() {
        if (bar != null) bar.finish();
    }
}
