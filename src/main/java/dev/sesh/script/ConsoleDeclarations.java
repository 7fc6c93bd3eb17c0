package dev.sesh.script;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * At the console, {@code def x = 1} (and {@code int n = 2}) at the top level of an entry becomes
 * an assignment to the variable, so it survives into the next entry, as groovysh's interpreter
 * mode does. A typed declaration keeps its cast. Scripts run from files keep Groovy's own rule
 * (a {@code def} is local to the script).
 */
final class ConsoleDeclarations extends CompilationCustomizer {
    ConsoleDeclarations() { super(CompilePhase.CONVERSION); }

    @Override public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return;
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run == null || !(run.getCode() instanceof BlockStatement block)) return;
        for (Statement s : block.getStatements()) {
            if (s instanceof ExpressionStatement es && es.getExpression() instanceof DeclarationExpression d
                    && !d.isMultipleAssignmentDeclaration()) {
                es.setExpression(assignment(d));
            }
        }
    }

    private static Expression assignment(DeclarationExpression d) {
        VariableExpression declared = d.getVariableExpression();
        Expression value = d.getRightExpression() instanceof EmptyExpression ? ConstantExpression.NULL : d.getRightExpression();
        if (!declared.isDynamicTyped()) value = CastExpression.asExpression(declared.getOriginType(), value);
        VariableExpression target = new VariableExpression(declared.getName());
        target.setSourcePosition(declared);
        BinaryExpression assign = new BinaryExpression(target,
                Token.newSymbol(Types.ASSIGN, d.getOperation().getStartLine(), d.getOperation().getStartColumn()), value);
        assign.setSourcePosition(d);
        return assign;
    }
}
