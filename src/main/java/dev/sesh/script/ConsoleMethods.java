package dev.sesh.script;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Console functions persist: {@code def f(n) { n * 2 }} typed in one entry can be called in every
 * later entry, as groovysh keeps them. Each entry compiles to its own script class, so the source of
 * the functions defined so far is appended after the entry (after, so the entry's line numbers stay
 * as typed); a function the entry defines again with the same name and arity replaces the old one.
 * As with {@link ImportMemory}: {@link #commit()} once the entry compiled, {@link #discard()} otherwise.
 */
final class ConsoleMethods {
    private final Map<String, String> kept = new LinkedHashMap<>();
    private final Map<String, String> pending = new LinkedHashMap<>();
    private String entry = "";
    private int entryLines;

    /** The entry followed by the remembered functions; call before compiling it. */
    synchronized String withRemembered(String source) {
        entry = source;
        entryLines = (int) source.lines().count();
        pending.clear();
        if (kept.isEmpty()) return source;
        return source + "\n" + String.join("\n", kept.values()) + "\n";
    }

    /** Runs in the conversion phase: notes the entry's own functions and drops the ones it redefines. */
    CompilationCustomizer recorder() {
        return new CompilationCustomizer(CompilePhase.CONVERSION) {
            @Override public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
                if (classNode.isScript()) record(classNode);
            }
        };
    }

    private synchronized void record(ClassNode script) {
        List<MethodNode> own = new ArrayList<>();
        List<MethodNode> remembered = new ArrayList<>();
        for (MethodNode m : script.getMethods()) {
            if (m.getLineNumber() <= 0 || m.isScriptBody() || m.getName().equals("main")) continue;
            (m.getLineNumber() <= entryLines ? own : remembered).add(m);
        }
        for (MethodNode m : own) {
            pending.put(key(m), text(m));
            for (MethodNode old : remembered) {
                if (key(old).equals(key(m))) script.removeMethod(old);
            }
        }
    }

    synchronized void commit() {
        kept.putAll(pending);
        pending.clear();
    }

    synchronized void discard() { pending.clear(); }

    /** Names and arities of the remembered functions, e.g. {@code f/1}. */
    synchronized List<String> names() { return List.copyOf(kept.keySet()); }

    private static String key(MethodNode m) { return m.getName() + "/" + m.getParameters().length; }

    /** The function's text as typed, from its first to its last character. */
    private String text(MethodNode m) {
        List<String> lines = entry.lines().toList();
        StringBuilder sb = new StringBuilder();
        for (int l = m.getLineNumber(); l <= m.getLastLineNumber(); l++) {
            String line = lines.get(l - 1);
            int from = l == m.getLineNumber() ? m.getColumnNumber() - 1 : 0;
            int to = l == m.getLastLineNumber() ? Math.min(line.length(), m.getLastColumnNumber() - 1) : line.length();
            sb.append(line, from, to);
            if (l < m.getLastLineNumber()) sb.append('\n');
        }
        return sb.toString();
    }
}
