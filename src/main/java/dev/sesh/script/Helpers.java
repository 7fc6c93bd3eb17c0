package dev.sesh.script;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The helpers every script and console line has, as pure functions ({@link SeshScript} exposes them). */
final class Helpers {
    /** Helper names with their signatures, for completion and for {@code help}. */
    static final List<Completion> SIGNATURES = List.of(
            new Completion("hex(", "hex(bytes | byte[] | list of ints) -> \"0a1b..\"; hex(int) -> \"0x60\"", false),
            new Completion("bytes(", "bytes(\"0a 1b ..\" | int.. | list | byte[]) -> Bytes", false),
            new Completion("chipConfig(", "chipConfig(\"atca-aws-test.yaml\") -> the ATECC config zone the file describes (YAML, JSON or hex)", false),
            new Completion("sleep(", "sleep(ms): waits on the session's clock", false),
            new Completion("println(", "println(value): prints to the console", false),
            new Completion("print(", "print(value): prints without a newline", false),
            new Completion("printf(", "printf(format, args..)", false),
            new Completion("exit(", "exit(code): ends a script with that exit code", false),
            new Completion("inputFiles(", "inputFiles(names..) -> List<Path>; stops with \"no such file: NAME\" (exit 2) when one is missing", false));

    static final Set<String> NAMES = Set.of("hex", "bytes", "chipConfig", "sleep", "println", "print", "printf", "exit", "inputFiles");

    private Helpers() {}

    /**
     * The script's input files as paths, checked in the order given before anything is sent. A missing
     * one is a problem of the command line, not of a script line: its error names the file only, exit 2.
     */
    static List<java.nio.file.Path> inputFiles(Object... names) {
        List<java.nio.file.Path> paths = new java.util.ArrayList<>();
        for (Object n : names) {
            if (n instanceof Collection<?> c) { paths.addAll(inputFiles(c.toArray())); continue; }
            java.nio.file.Path p = java.nio.file.Path.of(String.valueOf(n));
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new ScriptError("", 0, (java.nio.file.Files.isDirectory(p) ? "not a file: " : "no such file: ") + n,
                        "check the path (relative to " + java.nio.file.Path.of("").toAbsolutePath() + ")", SeshException.USAGE, null);
            }
            paths.add(p);
        }
        return paths;
    }

    /** Lower-case hex without separators for byte sequences; {@code 0x..} for a single number. */
    static String hex(Object value) {
        if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            long v = n.longValue();
            if (v < 0) throw SeshException.badArg("hex(" + v + "): negative number", "give 0 or more, or a byte sequence");
            String h = Long.toHexString(v);
            return "0x" + (h.length() % 2 == 1 ? "0" + h : h);
        }
        return toBytes(value, "hex").hex();
    }

    /** Bytes from hex text (spaces, colons and a 0x prefix allowed), numbers 0-255, a list, or a byte[]. */
    static Bytes bytes(Object... values) {
        if (values.length == 1 && !(values[0] instanceof Number)) return toBytes(values[0], "bytes");
        return toBytes(List.of(values), "bytes");
    }

    private static Bytes toBytes(Object value, String helper) {
        if (value instanceof Bytes b) return b;
        if (value instanceof byte[] a) return Bytes.of(a);
        if (value instanceof CharSequence s) {
            try {
                return Bytes.ofHex(s.toString());
            } catch (IllegalArgumentException e) {
                throw SeshException.badArg(helper + "(\"" + abbreviate(s.toString()) + "\"): not hex text",
                        "give pairs of hex digits, e.g. \"04 a1 ff\"");
            }
        }
        if (value instanceof Collection<?> c) return fromNumbers(c.iterator(), c.size(), helper);
        if (value instanceof Object[] arr) return fromNumbers(List.of(arr).iterator(), arr.length, helper);
        if (value instanceof int[] ints) {
            byte[] out = new byte[ints.length];
            for (int i = 0; i < ints.length; i++) out[i] = octet(ints[i], helper);
            return Bytes.of(out);
        }
        throw SeshException.badArg(helper + "(...) cannot take " + (value == null ? "null" : value.getClass().getSimpleName()),
                "give hex text, numbers 0-255, a list of them, Bytes or byte[]");
    }

    private static Bytes fromNumbers(Iterator<?> it, int size, String helper) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            Object o = it.next();
            if (!(o instanceof Number n)) {
                throw SeshException.badArg(helper + "(...): element " + i + " is not a number", "give numbers 0-255");
            }
            out[i] = n instanceof Byte b ? b : octet(n.longValue(), helper);   // a Java byte is already one octet
        }
        return Bytes.of(out);
    }

    private static byte octet(long v, String helper) {
        if (v < 0 || v > 255) throw SeshException.badArg(helper + "(...): " + v + " is not a byte", "give numbers 0-255");
        return (byte) v;
    }

    private static String abbreviate(String s) { return s.length() <= 20 ? s : s.substring(0, 17) + "..."; }
}
