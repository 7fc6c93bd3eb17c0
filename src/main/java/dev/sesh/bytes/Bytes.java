package dev.sesh.bytes;

import java.util.Arrays;

/** An immutable byte string with a hex {@code toString}. Equality is by content. */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private final byte[] b;

    private Bytes(byte[] b) { this.b = b; }

    public static Bytes of(byte... b) { return new Bytes(b.clone()); }

    public static Bytes of(byte[] b, int off, int len) { return new Bytes(Arrays.copyOfRange(b, off, off + len)); }

    public static Bytes ofHex(String hex) { return new Bytes(Hex.parseLenient(hex)); }

    public static Bytes ofInts(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (byte) v[i];
        return new Bytes(out);
    }

    public int length() { return b.length; }

    public int get(int i) { return b[i] & 0xff; }

    public byte[] toArray() { return b.clone(); }

    public Bytes slice(int from, int to) { return new Bytes(Arrays.copyOfRange(b, from, to)); }

    public Bytes concat(Bytes other) {
        byte[] out = Arrays.copyOf(b, b.length + other.b.length);
        System.arraycopy(other.b, 0, out, b.length, other.b.length);
        return new Bytes(out);
    }

    public String hex() { return Hex.of(b); }

    @Override public boolean equals(Object o) { return o instanceof Bytes x && Arrays.equals(b, x.b); }

    @Override public int hashCode() { return Arrays.hashCode(b); }

    @Override public String toString() { return hex(); }
}
