package dev.sesh.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded fuzz loop: {@code -Dsesh.fuzz.seed} (printed) and {@code -Dsesh.fuzz.count} (default 1e5;
 * {@code scripts/fuzz} passes 1e6 or more). Each input is one call of the target with a random
 * source derived from the seed and the input's index, so a failure names the one input to replay.
 * Exceptions of the listed (documented) types count as rejections; anything else fails the test.
 * The whole loop runs under a generous hang guard; the slowest input is printed, not asserted
 * (wall time varies, so it stays out of the generated docs/reliability.md).
 */
public final class Fuzz {
    public static final long SEED = Long.getLong("sesh.fuzz.seed", 0x5E5AL);
    private static final int DEFAULT_COUNT = 100_000;
    public static final int COUNT = Integer.getInteger("sesh.fuzz.count", DEFAULT_COUNT);
    private static final Map<String, String> SUMMARY = new ConcurrentHashMap<>();

    private Fuzz() { }

    /** What one run did, for docs/reliability.md. */
    public record Result(String name, long seed, int inputs, int rejected, long slowestMicros) {
        String row() { return "| " + name + " | " + seed + " | " + inputs + " | " + rejected + " |"; }
    }

    /** Runs {@link #COUNT} inputs of {@code target}; {@code documented} are the exceptions it may throw. */
    public static Result run(String name, Consumer<SplittableRandom> target, List<Class<? extends Throwable>> documented) {
        System.out.println("fuzz " + name + ": seed " + SEED + ", " + COUNT + " inputs (-Dsesh.fuzz.seed / -Dsesh.fuzz.count)");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(Math.max(120, COUNT / 2_000)), () -> loop(name, target, documented));
        SUMMARY.put(name, r.row());
        System.out.println("fuzz " + name + ": " + r.rejected() + " rejected, slowest input " + r.slowestMicros() + " us (wall clock, not asserted)");
        boolean normal = COUNT == DEFAULT_COUNT;
        StringBuilder md = new StringBuilder((normal ? "## Fuzzers\n\n" : "## Fuzzers (long run)\n\n") + "Written by the `*FuzzTest` classes (`scripts/fuzz SEED COUNT` for a long run). "
                + "Every input comes from the seed and its index; \"rejected\" inputs ended in the documented exception "
                + "(SeshException, PacketFormatException, CommandParseException: whatever the parser promises), nothing else escaped; "
                + "each fuzzer also checks its own invariants (below its name in the test). The chip model's own fuzz "
                + "(`ChipFuzzTest`, 1e5 command groups through the whole chip) is reused, not repeated.\n\n"
                + "| target | seed | inputs | rejected |\n|---|---|---|---|\n");
        new TreeMap<>(SUMMARY).values().forEach(row -> md.append(row).append('\n'));
        ReliabilityDoc.section(normal ? "fuzz" : "fuzz-long-run", md.toString());
        return r;
    }

    private static Result loop(String name, Consumer<SplittableRandom> target, List<Class<? extends Throwable>> documented) {
        int rejected = 0;
        long slowest = 0;
        for (int i = 0; i < COUNT; i++) {
            SplittableRandom rnd = new SplittableRandom(SEED * 1_000_003L + i);
            long t0 = System.nanoTime();
            try {
                target.accept(rnd);
            } catch (Throwable t) {
                if (t instanceof AssertionError a) throw new AssertionError(name + " seed " + SEED + " input " + i + ": " + a.getMessage(), a);
                if (documented.stream().noneMatch(c -> c.isInstance(t))) {
                    fail(name + " seed " + SEED + " input " + i + ": undocumented " + t, t);
                }
                rejected++;
            }
            slowest = Math.max(slowest, (System.nanoTime() - t0) / 1000);
        }
        return new Result(name, SEED, COUNT, rejected, slowest);
    }

    /** Random bytes, 0..max long, biased to the characters parsers care about. */
    public static byte[] bytes(SplittableRandom r, int max, String interesting) {
        byte[] b = new byte[r.nextInt(max + 1)];
        for (int i = 0; i < b.length; i++) {
            int k = r.nextInt(4);
            b[i] = k == 0 || interesting.isEmpty() ? (byte) r.nextInt(256) : (byte) interesting.charAt(r.nextInt(interesting.length()));
        }
        return b;
    }

    /** Up to {@code edits} deletions, insertions, byte changes and cuts of {@code text}. */
    public static String mutate(SplittableRandom r, String text, int edits, String interesting) {
        StringBuilder t = new StringBuilder(text);
        for (int k = 0, n = 1 + r.nextInt(edits); k < n && t.length() > 0; k++) {
            int at = r.nextInt(t.length());
            char junk = r.nextInt(3) == 0 ? (char) r.nextInt(256) : interesting.charAt(r.nextInt(interesting.length()));
            switch (r.nextInt(5)) {
                case 0 -> t.deleteCharAt(at);
                case 1 -> t.insert(at, junk);
                case 2 -> t.setCharAt(at, junk);
                case 3 -> t.delete(at, Math.min(t.length(), at + r.nextInt(40)));
                default -> t.setLength(at);
            }
        }
        return t.toString();
    }
}
