package dev.sesh.sim;

import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.sim.service.SimIdentity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays reference/mos-captures/captures.jsonl against a simulated board built like the capture
 * rig (same MAC, build strings, fresh config) and compares the device bytes exactly, except the
 * values captures README 7 says vary (pointers, uptime, fs_free, the 401 nonce; a frame whose
 * text changed there has its CRC checked on each side, then masked).
 */
class CaptureReplayTest {
    /** Exchanges the rig board cannot reproduce yet, each with the reason. */
    static final Map<String, String> PENDING = pending();

    /** Milliseconds between the previous exchange and this one, where the capture relies on it. */
    private static final Map<String, Long> GAP_BEFORE = Map.of(
            "request_during_reboot_lockout", 312L, // 88 ms before the 400 ms reboot
            "atca_read_asleep", 1600L);
    private static final long DEFAULT_GAP_MS = 300;

    static SimIdentity captureIdentity() {
        return new SimIdentity("mos-rpc-ref", "1.0", "20240101-000000/native-shim", "2.20.0",
                "20240101-000000/2.20.0-native", "esp8266", Bytes.ofHex("5ccf7f0a1b2c"));
    }

    @Test
    void replaysEveryCapturedExchangeByteForByte() throws Exception {
        List<Captures.Exchange> all = Captures.load();
        VirtualClock clock = new VirtualClock();
        SimBoard board = SimFirmware.captureRig(captureIdentity(), clock);
        List<String> failures = new ArrayList<>();
        List<String> pendingButPassing = new ArrayList<>();
        int passed = 0, pending = 0;
        for (int i = 0; i < all.size(); i++) {
            Captures.Exchange ex = all.get(i);
            if (i == 0) {
                board.powerOn();
            } else {
                if (ex.boot() > board.boots()) board.reset(); // a pending exchange would have rebooted it
                board.takeOutput();
                feed(board, clock, ex);
            }
            Captures.Exchange next = i + 1 < all.size() ? all.get(i + 1) : null;
            Long gap = next == null ? null : GAP_BEFORE.get(next.name());
            settle(board, clock, gap == null ? DEFAULT_GAP_MS : gap, gap == null);
            byte[] got = board.takeOutput();
            boolean listing = new String(ex.host(), StandardCharsets.ISO_8859_1).contains("\"method\":\"FS.List");
            String want = normalise(ex.device(), listing), have = normalise(got, listing);
            if (PENDING.containsKey(ex.name())) {
                pending++;
                if (want.equals(have)) pendingButPassing.add(ex.name());
                continue;
            }
            if (want.equals(have)) passed++;
            else failures.add(ex.name() + "\n  want: " + want + "\n  have: " + have);
        }
        System.out.printf("capture replay: %d passed, %d pending, %d failed of %d%n",
                passed, pending, failures.size(), all.size());
        if (!pendingButPassing.isEmpty()) System.out.println("pending but passing now: " + pendingButPassing);
        assertTrue(failures.isEmpty(), failures.size() + " exchanges differ:\n" + String.join("\n", failures));
        assertEquals(all.size(), passed + pending);
    }

    @Test
    void pendingListNamesOnlyCapturedExchanges() throws Exception {
        List<String> names = Captures.load().stream().map(Captures.Exchange::name).toList();
        for (String p : PENDING.keySet()) assertTrue(names.contains(p), "no capture named " + p);
    }

    private static void feed(SimBoard board, VirtualClock clock, Captures.Exchange ex) {
        byte[] h = ex.host();
        if (ex.name().equals("high_byte_mid_frame_across_writes")) {
            int split = 0;
            while ((h[split] & 0x80) == 0) split++;
            board.receive(h, 0, split);
            advance(board, clock, 150);
            board.receive(h, split, h.length - split);
        } else {
            board.receive(h);
        }
    }

    /** Lets the board run {@code ms}; with {@code untilQuiet}, also until a pending reboot is done. */
    private static void settle(SimBoard board, VirtualClock clock, long ms, boolean untilQuiet) {
        advance(board, clock, ms);
        while (untilQuiet && board.nextEventAt() != Long.MAX_VALUE) advance(board, clock, ms);
    }

    private static void advance(SimBoard board, VirtualClock clock, long ms) {
        long target = clock.nanos() + ms * 1_000_000L;
        while (true) {
            long next = board.nextEventAt();
            if (next > target) break;
            if (next > clock.nanos()) clock.advance(next - clock.nanos());
            board.poll();
        }
        clock.advance(target - clock.nanos());
        board.poll();
    }

    private static final Pattern POINTER = Pattern.compile("0x[0-9a-f]{8,16}");
    private static final Pattern LIVE = Pattern.compile("(\"uptime\": |\"fs_free\": |\\\\\"nonce\\\\\": )\\d+");
    private static final Pattern CRC_FRAME = Pattern.compile("^(\"\"\")?(\\{.*})([0-9a-f]{8})(\"\"\")?$");

    /**
     * Device bytes as text with the varying values masked; lines split at \n. With {@code listing},
     * an FS.List/ListExt result's entries are sorted and its CRC checked, then masked: the rig listed
     * its host folder in hash order, which the sim cannot reproduce (it lists by name;
     * captures README 6.4, docs/simulator.md).
     */
    static String normalise(byte[] device, boolean listing) {
        String text = new String(device, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String n = POINTER.matcher(line).replaceAll("0xPTR");
            Matcher live = LIVE.matcher(n);
            String masked = live.replaceAll("$1N");
            if (listing) masked = sortListing(masked);
            if (listing || !masked.equals(n)) {
                Matcher f = CRC_FRAME.matcher(n);
                if (f.matches()) {
                    assertEquals(FrameCodec.crc32Hex(f.group(2)), f.group(3), "CRC of " + line);
                    masked = CRC_FRAME.matcher(masked).replaceAll("$1$2<crc>$4");
                }
            }
            out.append(masked).append('\n');
        }
        return Captures.show(out.substring(0, out.length() - 1).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static final Pattern LISTING = Pattern.compile("(\"result\":\\[)(.*)(]})");

    /** The same line with the entries of its listing result in byte order. */
    private static String sortListing(String line) {
        Matcher m = LISTING.matcher(line);
        if (!m.find() || m.group(2).isEmpty()) return line;
        String inner = m.group(2);
        String[] items = inner.startsWith("{") ? inner.split("(?<=}),(?=\\{)") : inner.split(",");
        java.util.Arrays.sort(items);
        return line.substring(0, m.start(2)) + String.join(",", items) + line.substring(m.end(2));
    }

    private static Map<String, String> pending() {
        return Map.of();
    }
}
