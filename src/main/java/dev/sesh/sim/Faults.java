package dev.sesh.sim;

import dev.sesh.rpc.frame.FrameCodec;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies a {@link FaultSpec} to the reply frames of one board: counts the frames, and mangles a
 * frame's bytes (junk, drop, flip, bad CRC) with positions drawn from the spec's seed.
 */
final class Faults {
    private final FaultSpec spec;
    private final SplittableRandom random;
    private int frames;

    Faults(FaultSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
    }

    /** The rules for the next reply frame (counting it). */
    List<FaultSpec.Rule> next() {
        frames++;
        return spec.isEmpty() ? List.of() : spec.at(frames);
    }

    static boolean has(List<FaultSpec.Rule> rules, FaultSpec.Kind kind) {
        return rules.stream().anyMatch(r -> r.kind() == kind);
    }

    static long millis(List<FaultSpec.Rule> rules, FaultSpec.Kind kind) {
        return rules.stream().filter(r -> r.kind() == kind).mapToLong(FaultSpec.Rule::millis).max().orElse(0);
    }

    /** The frame's bytes with the junk/drop/flip/crc rules applied. */
    byte[] frame(String json, boolean q3, boolean crcMode, List<FaultSpec.Rule> rules) {
        boolean badCrc = has(rules, FaultSpec.Kind.CRC);
        String body = json;
        if (badCrc) {
            long good = Long.parseLong(FrameCodec.crc32Hex(json), 16);
            long wrong = (good ^ (1L + random.nextInt(0x7fffffff))) & 0xffffffffL;
            body = json + String.format("%08x", wrong);
        }
        byte[] f = FrameCodec.encode(body, q3, crcMode && !badCrc);
        if (has(rules, FaultSpec.Kind.DROP) && f.length > 2) {
            int i = 1 + random.nextInt(f.length - 2);
            byte[] g = new byte[f.length - 1];
            System.arraycopy(f, 0, g, 0, i);
            System.arraycopy(f, i + 1, g, i, f.length - i - 1);
            f = g;
        }
        if (has(rules, FaultSpec.Kind.FLIP) && f.length > 2) {
            int i = 1 + random.nextInt(f.length - 2);
            f[i] ^= (byte) (1 << random.nextInt(7));
        }
        if (has(rules, FaultSpec.Kind.JUNK)) {
            byte[] junk = junk();
            byte[] g = new byte[junk.length + f.length];
            System.arraycopy(junk, 0, g, 0, junk.length);
            System.arraycopy(f, 0, g, junk.length, f.length);
            f = g;
        }
        return f;
    }

    // Boot-ROM-like noise: printable text and high bytes, never a frame delimiter or XON/XOFF.
    private byte[] junk() {
        int n = 4 + random.nextInt(28);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int c;
            do {
                c = random.nextInt(2) == 0 ? 0x20 + random.nextInt(0x5f) : 0x80 + random.nextInt(0x80);
            } while (c == '"' || c == '{' || c == '}');
            b[i] = (byte) c;
        }
        return b;
    }
}
