package dev.sesh.shell.format;

import dev.sesh.bytes.Clock;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp;
import org.jline.utils.Status;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A transfer progress bar for the terminal's status line: label, bytes so far, a 30-cell bar,
 * percent, bytes/s (from the injected clock) and the time left. Off a terminal it shows nothing.
 * {@link #finish()} clears the line, so the bar is gone when the work is done.
 */
public final class ProgressBar {
    static final int CELLS = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final String label;
    private final long total;
    private final Clock clock;
    private final boolean terminal;
    private final Consumer<String> statusLine;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;

    /**
     * {@code total} bytes expected; {@code statusLine} receives each new text of the line
     * (and "" at the end); nothing is drawn unless {@code terminal}.
     */
    public ProgressBar(String label, long total, Clock clock, boolean terminal, Consumer<String> statusLine) {
        if (total < 0) throw new IllegalArgumentException("total < 0");
        this.label = label;
        this.total = total;
        this.clock = clock;
        this.terminal = terminal;
        this.statusLine = statusLine;
        this.start = clock.nanos();
    }

    /**
     * The status line of {@code terminal} (JLine {@link Status}) as a sink for {@link #ProgressBar};
     * a terminal that cannot show a status line (dumb, or not a TTY) shows nothing.
     */
    public static Consumer<String> statusLineOf(Terminal terminal) {
        // JLine 3.29's Status fails on close for a terminal it cannot draw on (no scroll regions, or
        // a size of 0x0 as a pty without a window reports), so never make one there.
        boolean capable = !Terminal.TYPE_DUMB.equals(terminal.getType())
                && terminal.getStringCapability(InfoCmp.Capability.change_scroll_region) != null
                && terminal.getSize().getRows() > 0 && terminal.getSize().getColumns() > 0;
        if (!capable) return text -> { };
        Status status = Status.getStatus(terminal, true);
        return text -> status.update(text.isEmpty() ? List.of() : List.of(new AttributedString(text)));
    }

    /** Reports {@code done} bytes; redraws at most ten times a second, and always at the end. */
    public void update(long done) {
        if (!terminal) return;
        long now = clock.nanos();
        if (done < total && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        statusLine.accept(render(done, now - start));
    }

    /** Clears the status line. */
    public void finish() {
        if (terminal) statusLine.accept("");
    }

    /** The line for {@code done} bytes after {@code elapsedNanos}; pure. */
    public String render(long done, long elapsedNanos) {
        long clamped = Math.max(0, Math.min(done, total));
        int percent = total == 0 ? 100 : (int) (clamped * 100 / total);
        int filled = total == 0 ? CELLS : (int) (clamped * CELLS / total);
        StringBuilder s = new StringBuilder(label).append("  ").append(size(clamped));
        if (clamped < total) s.append(" / ").append(size(total));
        s.append("  [").append("#".repeat(filled)).append(" ".repeat(CELLS - filled)).append("] ")
                .append(String.format(Locale.ROOT, "%3d%%", percent));
        if (elapsedNanos > 0 && clamped > 0) {
            double perSecond = clamped * 1e9 / elapsedNanos;
            s.append("  ").append(size((long) perSecond)).append("/s");
            if (clamped < total) s.append("  ETA ").append(duration((long) Math.ceil((total - clamped) / perSecond)));
        }
        return s.toString();
    }

    /** 574 B, 5.6 KB, 1.2 MB (powers of 1024). */
    public static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String duration(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
