import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Links sesh and its dependencies into a run-time image, {@code target/image}, so that a start needs
 * no module path: the module graph of {@code dev.sesh} is resolved once, here, and the JVM reads it
 * from the image (docs/decisions.md D-start-1). jlink takes explicit modules only, so each automatic
 * module of {@code target/lib} (Groovy, JLine) gets a module-info made by jdeps; each is an
 * {@code open module} exporting every package, which is what an automatic module grants too.
 * sesh itself stays as it is (exports a few packages, opens none to scripts).
 *
 * <p>Run by scripts/sesh after a build, with the JDK that runs sesh:
 * {@code java src/build/LinkImage.java target}. Needs the JDK's jmods (Debian:
 * openjdk-17-jmods); without them it fails and scripts/sesh runs from the module path instead.
 */
public final class LinkImage {
    /**
     * JDK modules the image carries beyond what dev.sesh requires: service providers the module
     * path binds today that sesh or a script can use (EC for TLS, PKCS#11, charsets, locales,
     * zip file systems, DNS, Kerberos, random generators) and java.sql for scripts. Not the JDK's
     * tools (compiler, jlink, javadoc), and never jdk.unsupported (sun.misc.Unsafe).
     */
    private static final List<String> EXTRA = List.of("jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.charsets",
            "jdk.localedata", "jdk.zipfs", "jdk.naming.dns", "jdk.security.auth", "jdk.security.jgss", "jdk.random", "java.sql");

    public static void main(String[] args) throws IOException {
        if (args.length != 1) fail("usage: java src/build/LinkImage.java TARGET_DIR");
        Path target = Path.of(args[0]).toAbsolutePath();
        // Before JDK 24, jlink links from the JDK's jmods only; without them, fail before the slow steps.
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (Runtime.version().feature() < 24 && !Files.isDirectory(jmods)) {
            fail("no " + jmods + ": jlink needs the JDK's jmods (Debian/Ubuntu: apt-get install openjdk-"
                    + Runtime.version().feature() + "-jmods); sesh runs from the module path instead");
        }
        Path jar;
        try (Stream<Path> s = Files.list(target)) {
            jar = s.filter(p -> p.getFileName().toString().matches("sesh-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no sesh jar in " + target + ": build first"));
        }
        Path work = target.resolve("image-build");
        Path image = target.resolve("image");
        deleteTree(work);
        deleteTree(image);
        // target/image-mods keeps the jars of target/lib as explicit modules across builds: a jar's
        // name carries its version, so only a new dependency is converted again (jdeps is slow).
        Path mods = Files.createDirectories(target.resolve("image-mods"));
        List<String> inLib = new ArrayList<>();
        Map<String, Path> automatic = new LinkedHashMap<>();
        List<String> explicit = new ArrayList<>();
        // Every module of target/lib: on the module path one automatic module resolves them all
        // (jline-terminal-jni is required by nobody but serves the terminal), so the image has them too.
        List<String> add = new ArrayList<>(List.of("dev.sesh"));
        try (Stream<Path> s = Files.list(target.resolve("lib"))) {
            for (Path p : s.sorted().toList()) {
                inLib.add(p.getFileName().toString());
                Path copy = mods.resolve(p.getFileName());
                if (!Files.exists(copy) || descriptor(copy).isAutomatic()) {
                    Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                ModuleDescriptor d = descriptor(copy);
                add.add(d.name());
                if (d.isAutomatic()) automatic.put(d.name(), copy);
                else explicit.add(copy.toString());
            }
        }
        try (Stream<Path> s = Files.list(mods)) {
            for (Path p : s.filter(p -> !inLib.contains(p.getFileName().toString())).toList()) Files.delete(p);
        }
        if (!automatic.isEmpty()) {
            // Only explicit modules on jdeps' module path: an automatic one there would read every other.
            Path generated = work.resolve("generated");
            List<String> jdeps = new ArrayList<>(List.of("--generate-module-info", generated.toString(),
                    "--multi-release", String.valueOf(Runtime.version().feature()), "--ignore-missing-deps",
                    "--module-path", String.join(java.io.File.pathSeparator, explicit)));
            automatic.values().forEach(p -> jdeps.add(p.toString()));
            run("jdeps", jdeps);
            for (var e : automatic.entrySet()) {
                String name = e.getKey();
                Path info;
                try (Stream<Path> s = Files.walk(generated.resolve(name))) {
                    info = s.filter(p -> p.getFileName().toString().equals("module-info.java")).findFirst()
                            .orElseThrow(() -> new IOException("jdeps made no module-info for " + name));
                }
                Path src = Files.createDirectories(work.resolve("src").resolve(name)).resolve("module-info.java");
                Files.writeString(src, Files.readString(info).replaceFirst("(?m)^module ", "open module "));
                Path classes = work.resolve("classes").resolve(name);
                run("javac", List.of("--release", String.valueOf(Runtime.version().feature()), "-nowarn", "-p", mods.toString(),
                        "--patch-module", name + "=" + e.getValue(), "-d", classes.toString(), src.toString()));
                run("jar", List.of("--update", "--file", e.getValue().toString(), "-C", classes.toString(), "module-info.class"));
            }
        }
        EXTRA.stream().filter(m -> ModuleFinder.ofSystem().find(m).isPresent()).forEach(add::add);
        run("jlink", List.of("--module-path", mods + java.io.File.pathSeparator + jar, "--add-modules", String.join(",", add),
                "--output", work.resolve("image").toString(), "--no-header-files", "--no-man-pages", "--generate-cds-archive"));
        // Moved into place only when complete: scripts/sesh takes any target/image newer than the jar as usable.
        Files.move(work.resolve("image"), image, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(work);
    }

    private static ModuleDescriptor descriptor(Path jar) throws IOException {
        return ModuleFinder.of(jar).findAll().stream().map(ModuleReference::descriptor).findFirst()
                .orElseThrow(() -> new IOException("not a module: " + jar));
    }

    private static void run(String tool, List<String> args) {
        ToolProvider t = ToolProvider.findFirst(tool).orElse(null);
        if (t == null) fail(tool + " is not in this JDK");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int rc = t.run(ps, ps, args.toArray(String[]::new));
        System.out.printf("%s %s: %d ms%n", tool, args.get(args.size() - 1), (System.nanoTime() - start) / 1_000_000);
        if (rc != 0) fail(tool + " " + String.join(" ", args) + " failed (" + rc + "):\n" + buf.toString(StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static void fail(String message) {
        System.err.println("LinkImage: " + message);
        System.exit(1);
    }
}
