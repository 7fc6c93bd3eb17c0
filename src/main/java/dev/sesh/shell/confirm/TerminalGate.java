package dev.sesh.shell.confirm;

import dev.sesh.plan.Approver;
import dev.sesh.plan.AuditLog;
import dev.sesh.plan.AuditedGate;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Decision;
import dev.sesh.plan.Plan;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The confirm gate on a terminal (design.md 1, "The confirm prompt"): prints the plan on the
 * terminal, then asks {@code apply? [y/N]} (only y or yes approve; an empty line, anything else,
 * Ctrl-C or Ctrl-D decline) or, for an irreversible plan, wants the exact phrase the plan shows.
 * A plan too long to show whole says so, and the answer {@code ?} prints all of it and asks again.
 * Answers are read by a reader of its own, so they never reach the console's history or completers.
 */
public final class TerminalGate implements ChangeGate, Approver {
    static final String DECLINED = "declined: nothing was changed";
    /** The answer that shows a long plan's hidden changes instead of deciding. */
    static final String SHOW_ALL = "?";
    private final Supplier<Terminal> terminal;
    private LineReader reader;   // guarded by this; made at the first question (not before the console's prompt)
    private final PlanRenderer renderer;
    private final AuditedGate gate;

    /** Reads answers from {@code terminal}; {@code wallClock} stamps the audit entries. */
    public TerminalGate(Terminal terminal, PlanRenderer renderer, AuditLog audit, Clock wallClock) {
        this(() -> terminal, renderer, audit, wallClock);
    }

    /** As above, with the terminal made when the first plan is shown (a one-shot that changes nothing never makes it). */
    public TerminalGate(Supplier<Terminal> terminal, PlanRenderer renderer, AuditLog audit, Clock wallClock) {
        this.terminal = terminal;
        this.renderer = renderer;
        this.gate = new AuditedGate(this, audit, wallClock);
    }

    @Override public dev.sesh.plan.LinkGuard guardFor(String port) { return gate.guardFor(port); }

    @Override public <T> T apply(Plan plan, Supplier<T> action) { return gate.apply(plan, action); }

    @Override public synchronized void showInBatch(Plan plan, String batchTitle) {
        PrintWriter out = terminal.get().writer();
        out.print(renderer.render(plan));
        out.println("approved in batch: " + batchTitle);
        out.flush();
    }

    /**
     * Shows the plan and asks; does not record anything (the {@link AuditedGate} inside does).
     * One question at a time: a script thread and a command never interleave their prompts.
     */
    @Override public synchronized Decision decide(Plan plan) {
        PrintWriter out = terminal.get().writer();
        out.print(renderer.render(plan));
        int hidden = renderer.hidden(plan);
        if (hidden > 0) out.println("  (answer " + SHOW_ALL + " to see all " + plan.changes().size() + " changes before you decide)");
        out.flush();
        String typed;
        while (true) {
            String answer;
            try {
                if (reader == null) reader = LineReaderBuilder.builder().terminal(terminal.get()).build();
                answer = reader.readLine(renderer.question(plan));
            } catch (UserInterruptException | EndOfFileException e) {
                out.println();
                out.flush();
                return Decision.declined(DECLINED, "");
            }
            typed = answer.strip();
            if (hidden == 0 || !typed.equals(SHOW_ALL)) break;
            out.print(renderer.renderAll(plan));   // the whole plan, then the same question again
            out.flush();
        }
        if (plan.needsPhrase()) {
            if (typed.equals(plan.phrase())) return Decision.approved();
            return Decision.declined("declined: the text typed was not \"" + plan.phrase() + "\"; nothing was changed",
                    "type the phrase exactly as shown to proceed");
        }
        String yes = typed.toLowerCase(Locale.ROOT);
        return yes.equals("y") || yes.equals("yes") ? Decision.approved() : Decision.declined(DECLINED, "");
    }
}
