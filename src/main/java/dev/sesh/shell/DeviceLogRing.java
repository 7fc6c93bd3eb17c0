package dev.sesh.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The most recent device log lines (text the board printed between RPC frames), oldest first, at
 * most {@link #capacity()} of them: what {@code log} shows. Lines are cleaned on the way in (see
 * {@link #clean}) so a board printing carriage returns or escape sequences cannot disturb the
 * terminal. Thread-safe: the transport's reader thread adds, commands read.
 */
public final class DeviceLogRing {
    /** Default capacity: about a screenful of boot logs several times over. */
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();
    private final List<BlockingQueue<String>> followers = new ArrayList<>();
    private long total;

    public DeviceLogRing(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
    }

    public int capacity() { return capacity; }

    /** Records one line (already split at newlines by the framer); returns the cleaned text. */
    public String add(String raw) {
        String line = clean(raw);
        synchronized (this) {
            if (lines.size() == capacity) lines.removeFirst();
            lines.addLast(line);
            total++;
            for (BlockingQueue<String> q : followers) q.offer(line);
        }
        return line;
    }

    /** The last {@code n} lines (all kept lines when {@code n} exceeds them), oldest first. */
    public synchronized List<String> last(int n) {
        List<String> all = new ArrayList<>(lines);
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
    }

    /** Lines seen since the session started, including those the ring has dropped. */
    public synchronized long total() { return total; }

    /** A queue that receives every line added from now on, until {@link #unfollow}. */
    public synchronized BlockingQueue<String> follow() {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        followers.add(q);
        return q;
    }

    public synchronized void unfollow(BlockingQueue<String> q) { followers.remove(q); }

    private static final java.util.regex.Pattern REQUEST_ECHO = java.util.regex.Pattern.compile("^mg_rpc\\.c:\\d+\\s+\\S+ via \\S+.*");

    /**
     * True for the line the firmware prints for every request it dispatches at the default log level
     * ({@code mg_rpc.c:311  I2C.Write via UART UART0}, mos-captures README): an echo of sesh's own
     * traffic, dozens per chip operation.
     */
    public static boolean echoesRequest(String line) { return REQUEST_ECHO.matcher(line).matches(); }

    /**
     * Drops a trailing CR, ANSI escape sequences and other control characters (tabs become a
     * space), so a device line prints as one plain line.
     */
    public static String clean(String raw) {
        String s = raw.replaceAll("\u001b\\[[0-?]*[ -/]*[@-~]", "");
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') sb.append(' ');
            else if (c >= 0x20 && c != 0x7f) sb.append(c);
        }
        return sb.toString();
    }
}
