package dev.sesh;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import rules of style.md ("Who may import whom"), checked on every main source file. */
class LayeringTest {
    private static final String ROOT = "dev.sesh";
    private static final List<String> PURE_ATCA = List.of("atca.config", "atca.packet", "atca.command", "atca.host", "atca.driver");

    /** Source package group -> groups it may import (besides itself, its subpackages, the root and bytes). */
    private static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("plan", List.of());
        ALLOWED.put("rpc.frame", List.of());
        ALLOWED.put("rpc.transport", List.of());
        ALLOWED.put("rpc.listen", List.of("rpc.transport"));   // sim serve's servers, over the transports' codecs
        ALLOWED.put("rpc", List.of("rpc.frame", "rpc.transport"));
        for (String p : PURE_ATCA) ALLOWED.put(p, PURE_ATCA);
        ALLOWED.put("device", List.of("rpc", "rpc.frame", "rpc.transport", "plan"));
        // twin: a simulated copy of one chip for rehearsals (issue 23; docs/decisions.md "Rehearsal on a twin").
        ALLOWED.put("twin", concat(List.of("sim"), PURE_ATCA));
        ALLOWED.put("atca", concat(List.of("device", "plan", "twin"), PURE_ATCA));
        ALLOWED.put("x509", concat(List.of("atca", "plan"), PURE_ATCA));
        ALLOWED.put("script", concat(List.of("device", "atca", "x509", "plan"), PURE_ATCA));
        ALLOWED.put("aws", concat(List.of("device", "atca", "x509", "plan"), PURE_ATCA));   // workflows over the device API; the aws tool behind a port
        ALLOWED.put("shell", concat(List.of("script", "aws", "device", "atca", "x509", "plan"), PURE_ATCA));
        ALLOWED.put("sim", concat(List.of("rpc.frame", "rpc.transport"), PURE_ATCA));
        ALLOWED.put("cli", List.of("*"));
    }

    /** A fully qualified reference in code ({@code dev.sesh.rpc.RpcClient x}), import or not. */
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.sesh\\.([a-z0-9_]+(?:\\.[a-z0-9_]+)*?)\\.[A-Z*]");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+dev\\.sesh(?:\\.([a-z0-9_.]+))?\\s*;", Pattern.MULTILINE);

    @Test
    void everyMainSourceFileImportsOnlyWhatItsLayerMay() throws IOException {
        Path main = Path.of("src/main/java/dev/sesh");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(main)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String text = withoutComments(Files.readString(f));
                Matcher pm = PACKAGE.matcher(text);
                assertTrue(pm.find(), "no package line in " + f);
                String pkg = pm.group(1) == null ? "" : pm.group(1);
                if (pkg.isEmpty() || pkg.equals("bytes")) {
                    Matcher im = QUALIFIED.matcher(text);
                    while (im.find()) {
                        String target = im.group(1);
                        if (!target.isEmpty() && !target.equals("bytes")) violations.add(f + ": " + pkg + " -> " + target);
                    }
                    continue;
                }
                String group = groupOf(pkg);
                assertTrue(group != null, f + ": package dev.sesh." + pkg + " is not in the layering table (style.md)");
                List<String> allowed = ALLOWED.get(group);
                Matcher im = QUALIFIED.matcher(text);
                while (im.find()) {
                    String target = im.group(1);
                    if (!permitted(pkg, group, target, allowed)) violations.add(f + ": " + pkg + " -> " + target);
                }
            }
        }
        assertTrue(files > 0, "no sources found under " + main.toAbsolutePath());
        assertEquals(List.of(), violations, "imports that break style.md's layering");
    }

    /** The source without comments, so a {@code {@link dev.sesh.x.Y}} in prose is not a dependency. */
    static String withoutComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
    }

    @Test
    void aFullyQualifiedReferenceCountsLikeAnImport() {
        Matcher m = QUALIFIED.matcher(withoutComments("class X { dev.sesh.rpc.transport.Transport t; /* dev.sesh.sim.SimBoard */ }"));
        assertTrue(m.find());
        assertEquals("rpc.transport", m.group(1));
        assertTrue(!m.find(), "comments are not code");
        assertTrue(!permitted("shell", "shell", "rpc.transport", ALLOWED.get("shell")));
    }

    @Test
    void shellNeverImportsRpc() {
        assertTrue(!permitted("shell", "shell", "rpc", ALLOWED.get("shell")));
        assertTrue(!permitted("shell.command", "shell", "rpc.transport", ALLOWED.get("shell")));
        assertTrue(!permitted("sim", "sim", "rpc", ALLOWED.get("sim")));
        assertTrue(!permitted("sim.chip", "sim", "device", ALLOWED.get("sim")));
        assertTrue(permitted("sim.chip", "sim", "atca.packet", ALLOWED.get("sim")));
    }

    private static boolean permitted(String pkg, String group, String target, List<String> allowed) {
        if (target.equals("bytes") || target.equals(pkg) || target.startsWith(pkg + ".")) return true;
        if (allowed.contains("*")) return true;
        String targetGroup = groupOf(target);
        if (group.equals(targetGroup)) return true;           // e.g. shell.command -> shell.format, sim.chip -> sim.i2c
        return allowed.contains(targetGroup) || allowed.contains(target);
    }

    /** The table row a package belongs to: the longest matching key, else its first segment. */
    private static String groupOf(String pkg) {
        String best = null;
        for (String k : ALLOWED.keySet()) {
            if ((pkg.equals(k) || pkg.startsWith(k + ".")) && (best == null || k.length() > best.length())) best = k;
        }
        if (best != null && best.equals("atca") && !pkg.equals("atca")) {
            return PURE_ATCA.contains(pkg) ? pkg : "atca";
        }
        return best;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
