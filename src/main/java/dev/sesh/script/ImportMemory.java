package dev.sesh.script;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Console imports persist: an {@code import} typed in one entry applies to every later entry.
 * The recorder sees an entry's own imports before {@link #replay()} adds the remembered ones;
 * {@link #commit()} keeps them once the entry compiled, {@link #discard()} drops them otherwise.
 */
final class ImportMemory {
    private final ImportCustomizer replay = new ImportCustomizer();
    private final Set<String> kept = new LinkedHashSet<>();
    private final List<ImportNode> pending = new ArrayList<>();

    ImportMemory(String... defaultImports) { replay.addImports(defaultImports); }

    /** Runs first in the conversion phase: notes the entry's own import lines. */
    CompilationCustomizer recorder() {
        return new CompilationCustomizer(CompilePhase.CONVERSION) {
            @Override public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
                if (!classNode.isScript()) return;
                ModuleNode m = source.getAST();
                synchronized (pending) {
                    pending.addAll(m.getImports());
                    pending.addAll(m.getStarImports());
                    pending.addAll(m.getStaticImports().values());
                    pending.addAll(m.getStaticStarImports().values());
                }
            }
        };
    }

    /** Adds the remembered imports to every compilation. */
    CompilationCustomizer replay() { return replay; }

    void commit() {
        synchronized (pending) {
            for (ImportNode i : pending) keep(i);
            pending.clear();
        }
    }

    void discard() {
        synchronized (pending) { pending.clear(); }
    }

    private void keep(ImportNode i) {
        String cls = i.getType() == null ? null : i.getType().getName();
        String key = (i.isStatic() ? "static " : "") + (i.isStar() ? (cls == null ? i.getPackageName() : cls) + ".*" : cls + "." + i.getFieldName())
                + " as " + i.getAlias();
        if (!kept.add(key)) return;
        if (i.isStar() && !i.isStatic()) replay.addStarImports(i.getPackageName().replaceAll("\\.$", ""));
        else if (i.isStar()) replay.addStaticStars(cls);
        else if (i.isStatic()) replay.addStaticImport(i.getAlias(), cls, i.getFieldName());
        else replay.addImport(i.getAlias(), cls);
    }
}
