package dev.sesh.shell;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A console command as the Groovy API call that does the same (issue 19, {@code record}): the
 * bound objects' methods of docs/scripting.md, so a recording replays with {@code sesh run FILE}.
 * Files stay file names (a key is a reference to its file, never its bytes). Commands that only
 * steer the console (help, history, trace...) have no call and come back empty.
 */
final class GroovyTranslation {
    private final CommandLine commands;

    GroovyTranslation(CommandLine commands) { this.commands = commands; }

    /** The Groovy for {@code words} (a command line already split), or empty when there is none. */
    Optional<String> of(List<String> words) {
        ParseResult pr;
        try {
            pr = commands.parseArgs(words.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        while (pr.hasSubcommand()) pr = pr.subcommand();
        String name = pr.commandSpec().qualifiedName(" ").replaceFirst("^sesh ", "");
        Function<Args, String> t = TABLE.get(name);
        return t == null ? Optional.empty() : Optional.ofNullable(t.apply(new Args(pr)));
    }

    /** A leaf command's parsed arguments. */
    private record Args(ParseResult pr) {
        String pos(int i) {
            List<String> p = pr.matchedPositionals().stream().flatMap(a -> a.stringValues().stream()).toList();
            return i < p.size() ? p.get(i) : null;
        }

        List<String> rest(int from) {
            List<String> p = pr.matchedPositionals().stream().flatMap(a -> a.stringValues().stream()).toList();
            return from < p.size() ? p.subList(from, p.size()) : List.of();
        }

        String opt(String name) {
            CommandLine.Model.OptionSpec o = pr.matchedOption(name);
            return o == null ? null : o.stringValues().isEmpty() ? null : o.stringValues().get(0);
        }

        boolean flag(String name) { return pr.hasMatchedOption(name); }
    }

    /** A Groovy single-quoted string literal. */
    static String q(String s) { return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"; }

    /** A number as typed (decimal or 0x hex) stays a Groovy number literal; anything else is quoted. */
    static String num(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        return t.matches("\\d+|0x[0-9a-f]+") ? t : q(s);
    }

    /** write-key -> writeKey: the named argument the Groovy API takes for an option. */
    private static String camel(String option) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : option.toCharArray()) {
            if (c == '-') up = true;
            else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static String hexArg(List<String> parts) { return q(String.join(" ", parts)); }

    private static String named(Args a, String... options) {
        List<String> out = new ArrayList<>();
        for (String o : options) {
            String v = a.opt("--" + o);
            if (v != null) out.add(camel(o) + ": " + (o.equals("days") ? v : q(v)));
        }
        return String.join(", ", out);
    }

    private static final Map<String, Function<Args, String>> TABLE = Map.ofEntries(
            Map.entry("info", a -> "println board.info()"),
            Map.entry("reboot", a -> "board.reboot(" + Optional.ofNullable(a.opt("--delay")).orElse("100") + ", " + !a.flag("--no-wait") + ")"),
            Map.entry("call", a -> "println board.call(" + q(a.pos(0)) + ", " + (a.pos(1) == null ? "null" : q(a.pos(1))) + ")"),
            Map.entry("rpc list", a -> "board.methods().each { println it }"),
            Map.entry("rpc describe", a -> "println board.describe(" + q(a.pos(0)) + ")"),
            Map.entry("i2c scan", a -> "println i2c.scan().collect { hex(it) }"),
            Map.entry("i2c read", a -> "println i2c.read(" + num(a.pos(0)) + ", " + num(a.pos(1)) + ")"),
            Map.entry("i2c write", a -> (a.flag("--wake") ? "i2c.wakeChip(); " : "") + "i2c.write(" + num(a.pos(0)) + ", " + hexArg(a.rest(1)) + ")"),
            Map.entry("i2c get", a -> "println i2c.readReg(" + num(a.pos(0)) + ", " + num(a.pos(1)) + ", " + q(a.pos(2) == null ? "b" : a.pos(2)) + ")"),
            Map.entry("i2c set", a -> "i2c.writeReg(" + num(a.pos(0)) + ", " + num(a.pos(1)) + ", " + num(a.pos(2)) + ", " + q(a.pos(3) == null ? "b" : a.pos(3)) + ")"),
            Map.entry("i2c dump", a -> "println i2c.dump(" + num(a.pos(0)) + ")"),
            Map.entry("i2c wake", a -> "println i2c.wakeChip()"),
            Map.entry("atca info", a -> "println atca.info()"),
            Map.entry("atca config show", a -> "println atca.config()"),
            Map.entry("atca config set", a -> "atca.setConfig(" + q(a.pos(0)) + ")"),
            Map.entry("atca slots", a -> "atca.slots.each { println it }"),
            Map.entry("atca slot", a -> "println atca.describeSlot(" + num(a.pos(0)) + ")"),
            Map.entry("atca lock", a -> switch (a.pos(0)) {
                case "config" -> "atca.lockConfig()";
                case "data" -> "atca.lockData()";
                default -> "atca.lockSlot(" + num(a.pos(1)) + ")";
            }),
            Map.entry("atca key set", a -> {
                String opts = named(a, "write-key", "cert");
                return "x509.importKey(" + (opts.isEmpty() ? "" : opts + ", ") + "atca, " + num(a.pos(0)) + ", " + q(a.pos(1)) + ")";
            }),
            Map.entry("atca key gen", a -> "println atca.keys.generate(" + num(a.pos(0)) + ")"),
            Map.entry("atca key pub", a -> "println hex(atca.publicKey(" + num(a.pos(0)) + "))"),
            Map.entry("atca sign", a -> a.pos(1) != null || a.opt("--digest") != null
                    ? "println hex(atca.sign(" + num(a.pos(0)) + ", bytes(" + q(a.pos(1) != null ? a.pos(1) : a.opt("--digest")) + ")))" : null),
            Map.entry("atca random", a -> "println hex(atca.random())"),
            Map.entry("atca read", a -> "println atca.read(" + num(a.pos(0)) + ")"),
            Map.entry("atca write", a -> "atca.write(" + num(a.pos(0)) + ", bytes(" + hexArg(a.rest(1)) + "))"),
            Map.entry("atca raw", a -> "println atca.raw(" + num(a.pos(0)) + ", " + num(a.pos(1)) + ", " + num(a.pos(2)) + ", bytes(" + hexArg(a.rest(3)) + "))"),
            Map.entry("atca csr", a -> "println x509.csr(" + named(a, "subject") + ", atca, " + num(a.pos(0)) + ")"),
            Map.entry("atca cert selfsign", a -> "x509.selfsignOnChip(" + named(a, "subject", "days", "san") + ", atca, " + num(a.pos(0)) + ", " + q(a.pos(1)) + ")"),
            Map.entry("fs ls", a -> (a.flag("-l") ? "fs.listLong(" : "fs.list(") + (a.pos(0) == null ? "" : q(a.pos(0))) + ").each { println it }"),
            Map.entry("fs cat", a -> "print new String(fs.read(" + q(a.pos(0)) + "), 'UTF-8')"),
            Map.entry("fs get", a -> "fs.get(" + q(a.pos(0)) + ", new File(" + q(a.pos(1) == null ? a.pos(0) : a.pos(1)) + "))"),
            Map.entry("fs put", a -> {
                String remote = a.pos(1) != null ? a.pos(1) : java.nio.file.Path.of(a.pos(0)).getFileName().toString();
                return a.flag("--verify") ? "fs.put(" + q(remote) + ", new File(" + q(a.pos(0)) + ").bytes, true)"
                        : "fs.put(" + q(remote) + ", new File(" + q(a.pos(0)) + "))";
            }),
            Map.entry("fs rm", a -> "fs.remove(" + q(a.pos(0)) + ")"),
            Map.entry("fs mv", a -> "fs.rename(" + q(a.pos(0)) + ", " + q(a.pos(1)) + ")"),
            Map.entry("fs df", a -> "println fs.usage()"),
            Map.entry("config get", a -> "println config.get(" + (a.pos(0) == null ? "''" : q(a.pos(0))) + ")"),
            Map.entry("config set", a -> {
                List<String> pairs = new ArrayList<>();
                for (String kv : a.rest(0)) {
                    int eq = kv.indexOf('=');
                    pairs.add(q(kv.substring(0, eq)) + ": " + q(kv.substring(eq + 1)));
                }
                return "config.set([" + String.join(", ", pairs) + "], " + !a.flag("--no-reboot") + ")";
            }),
            Map.entry("config diff", a -> "config.diff(8).each { println it }"),
            Map.entry("config keys", a -> "config.keys().each { println it }"),
            Map.entry("x509 keygen", a -> "x509.keygen(" + q(a.pos(0)) + ")"),
            Map.entry("x509 selfsign", a -> "x509.selfsign(" + named(a, "subject", "days", "san") + ", " + q(a.pos(0)) + ", " + q(a.pos(1)) + ")"),
            Map.entry("x509 show", a -> "println x509.show(" + q(a.pos(0)) + ")"));
}
