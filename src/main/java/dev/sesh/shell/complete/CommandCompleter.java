package dev.sesh.shell.complete;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.completer.FileNameCompleter;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Tab completion over the picocli command tree, with a short description beside each candidate:
 * command and subcommand names, options, and positional values from each parameter's
 * {@code completionCandidates} (live board state, e.g. RPC method names) or local paths for
 * File/Path parameters ({@link LocalFiles} sources narrow them to some kinds). Never talks to the board itself: candidates
 * come from caches ({@link CandidateCache}).
 */
public final class CommandCompleter implements Completer {
    private final java.util.function.Supplier<CommandLine> tree;
    private final FileNameCompleter files = new FileNameCompleter();

    public CommandCompleter(CommandLine root) { this(() -> root); }

    /** Completes from the tree {@code tree} gives at each Tab (a console builds it after its prompt is up). */
    public CommandCompleter(java.util.function.Supplier<CommandLine> tree) { this.tree = tree; }

    @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        List<String> words = line.words();
        int index = line.wordIndex();
        CommandLine root = tree.get();
        CommandLine current = root;
        int i = 0;
        while (i < index) {
            CommandLine sub = current.getSubcommands().get(words.get(i));
            if (sub == null) break;
            current = sub;
            i++;
        }
        if (current == root) {
            if (index == 0) names(root, out);
            return;
        }
        CommandSpec spec = current.getCommandSpec();
        String word = index < words.size() ? words.get(index) : "";
        String previous = index > 0 ? words.get(index - 1) : "";
        OptionSpec takesValue = spec.findOption(previous);
        if (takesValue != null && takesValue.arity().max() > 0 && i < index) {
            values(takesValue, reader, line, out);
            return;
        }
        if (word.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                for (String name : o.names()) out.add(candidate(name, first(o.description()), "options"));
            }
            return;
        }
        int positional = positionalIndex(spec, words, i, index);
        if (positional == 0 && !current.getSubcommands().isEmpty()) names(current, out);
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(positional)) values(p, reader, line, out);
        }
    }

    /** How many positional words stand between the command chain and the word being completed. */
    private static int positionalIndex(CommandSpec spec, List<String> words, int from, int to) {
        int n = 0;
        for (int j = from; j < to; j++) {
            String w = words.get(j);
            OptionSpec o = w.startsWith("-") ? spec.findOption(w) : null;
            if (o != null) {
                if (o.arity().max() > 0) j++;
            } else if (!w.startsWith("-")) {
                n++;
            }
        }
        return n;
    }

    private void values(ArgSpec arg, LineReader reader, ParsedLine line, List<Candidate> out) {
        Iterable<String> cands = arg.completionCandidates();
        if (cands instanceof LocalFiles kinds) {
            new Filtered(kinds).complete(reader, line, out);
            for (String word : kinds) out.add(new Candidate(word));   // words a file parameter also takes (record stop)
            return;
        }
        if (cands instanceof ForWord f) {
            // Many short candidates per level: the parameter's description beside each would only repeat.
            for (String c : f.candidates(line.word())) {
                boolean partial = c.endsWith(".") || c.endsWith("=");
                out.add(new Candidate(c, c, null, null, null, null, !partial));
            }
            return;
        }
        if (cands != null) {
            String descr = first(arg.description());
            int order = 0;
            for (String c : cands) {
                // The source's order wins over JLine's alphabetical one: slot 2 before slot 10.
                Candidate made = candidate(c, describe(cands, c, descr), null);
                out.add(new Candidate(made.value(), made.displ(), made.group(), made.descr(), made.suffix(), made.key(), made.complete(), order++));
            }
            return;
        }
        Class<?> type = arg.type();
        if (type == File.class || type == Path.class) files.complete(reader, line, out);
    }

    /** Local paths: folders, and files of the kinds the argument takes. */
    private static final class Filtered extends FileNameCompleter {
        private final LocalFiles kinds;

        Filtered(LocalFiles kinds) { this.kinds = kinds; }

        @Override protected boolean accept(Path path) {
            if (!super.accept(path)) return false;
            return java.nio.file.Files.isDirectory(path) || kinds.accepts(path.getFileName().toString());
        }
    }

    /** A candidate source may say more about each value (e.g. a slot's key type) than the parameter's description. */
    private static String describe(Iterable<String> source, String value, String fallback) {
        if (source instanceof Described d) {
            String s = d.describe(value);
            if (s != null && !s.isEmpty()) return s;
        }
        return fallback;
    }

    private static void names(CommandLine cl, List<Candidate> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            CommandSpec s = e.getValue().getCommandSpec();
            out.add(candidate(e.getKey(), first(s.usageMessage().description()), "commands"));
        }
    }

    /** A value ending in '.' or '/' is a group to descend into: no space after it, so the next Tab goes on. */
    private static Candidate candidate(String value, String descr, String group) {
        boolean whole = !(value.endsWith(".") || value.endsWith("/"));
        return new Candidate(value, value, group, descr == null || descr.isEmpty() ? null : descr, null, null, whole);
    }

    private static String first(String[] lines) { return lines == null || lines.length == 0 ? "" : lines[0]; }

    /**
     * Implemented by candidate sources whose values depend on the word being completed, such as
     * dotted config keys offered one level at a time. A value ending in "." or "=" is partial: no
     * space is added after it, so the user goes on typing the next level or the value.
     */
    public interface ForWord {
        List<String> candidates(String word);
    }

    /** Implemented by candidate sources that can describe each of their values. */
    public interface Described {
        String describe(String value);
    }

}
