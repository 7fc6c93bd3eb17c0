package dev.sesh.cli;

import dev.sesh.testing.Vectors;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 row 1: a sim:PATH board reopened by each run of sesh (the README flow) must not replay
 * its chip's random numbers: two signatures with one key have different R (RFC 6979 nonces), the
 * private key cannot be recovered from them, and Random differs from run to run unless
 * {@code seed=N} pins it (then sesh prints the seed).
 */
class SimChipRandomnessTest {
    @TempDir Path home;
    @TempDir Path board;
    static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    static final String D1 = "11".repeat(32), D2 = "22".repeat(32);

    @BeforeEach void provision() {
        ok("--yes", "atca", "config", "set", Vectors.referenceDir().resolve("atca-aws-test.yaml").toString());
        ok("--yes-irreversible", "atca", "lock", "config");
        ok("--yes-irreversible", "atca", "lock", "data");
        ok("--yes-irreversible", "atca", "key", "gen", "0");
    }

    @Test void twoSignaturesFromTwoRunsHaveDifferentRAndGiveNoKeyAway() {
        String pem = ok("atca", "key", "pub", "0").out().replaceAll("-----[^-]+-----|\\s", "");
        byte[] spki = java.util.Base64.getDecoder().decode(pem);
        String pub = HexFormat.of().formatHex(java.util.Arrays.copyOfRange(spki, spki.length - 64, spki.length));
        byte[] s1 = HexFormat.of().parseHex(hexIn(ok("atca", "sign", "0", "--digest", D1).out(), 128));
        byte[] s2 = HexFormat.of().parseHex(hexIn(ok("atca", "sign", "0", "--digest", D2).out(), 128));
        BigInteger r1 = new BigInteger(1, java.util.Arrays.copyOfRange(s1, 0, 32)), r2 = new BigInteger(1, java.util.Arrays.copyOfRange(s2, 0, 32));
        assertNotEquals(r1, r2, "one nonce for two signatures");
        // The textbook attack on a reused nonce, run anyway: it must not yield the key.
        BigInteger n = P256.getN();
        BigInteger z1 = new BigInteger(D1, 16), z2 = new BigInteger(D2, 16);
        BigInteger t1 = new BigInteger(1, java.util.Arrays.copyOfRange(s1, 32, 64)), t2 = new BigInteger(1, java.util.Arrays.copyOfRange(s2, 32, 64));
        BigInteger k = z1.subtract(z2).multiply(t1.subtract(t2).modInverse(n)).mod(n);
        BigInteger d = t1.multiply(k).subtract(z1).multiply(r1.modInverse(n)).mod(n);
        var q = P256.getG().multiply(d).normalize();
        String guessed = String.format("%064x%064x", q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        assertNotEquals(pub.toLowerCase(), guessed, "the private key was recovered from two signatures");
    }

    @Test void randomDiffersFromRunToRunUnlessTheSeedIsPinned() {
        String a = hexIn(ok("atca", "random").out(), 64), b = hexIn(ok("atca", "random").out(), 64);
        assertNotEquals(a, b, "the chip's RNG restarted its sequence");
        SeshRuns.Run p1 = SeshRuns.run(home, "--port", "sim:" + board + "?seed=5", "atca", "random");
        SeshRuns.Run p2 = SeshRuns.run(home, "--port", "sim:" + board + "?seed=5", "atca", "random");
        assertEquals(hexIn(p1.out(), 64), hexIn(p2.out(), 64), "a pinned seed repeats");
        assertTrue(p1.err().contains("seed=5"), "the pinned seed is printed: " + p1.err());
        assertTrue(!a.isEmpty() && !ok("atca", "random").err().contains("seed="), "no seed note when none is given");
    }

    private SeshRuns.Run ok(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--port";
        all[1] = "sim:" + board;
        System.arraycopy(args, 0, all, 2, args.length);
        SeshRuns.Run r = SeshRuns.run(home, all);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    /** The first run of exactly {@code digits} hex digits (spaces between bytes allowed). */
    private static String hexIn(String text, int digits) {
        Matcher m = Pattern.compile("(?i)\\b[0-9a-f]{" + digits + "}\\b").matcher(text.replaceAll("(?<=[0-9a-fA-F]{2}) (?=[0-9a-fA-F]{2})", ""));
        assertTrue(m.find(), "no " + digits + " hex digits in:\n" + text);
        return m.group();
    }
}
