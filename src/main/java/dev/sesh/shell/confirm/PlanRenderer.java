package dev.sesh.shell.confirm;

import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.shell.format.Style;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a plan as the user sees it before answering (design.md 1, ux-examples.md):
 * {@code plan: TITLE}, then one indented line per change, columns aligned across consecutive
 * changes of one kind, then the notes; irreversible plans end with a line saying so. A long plan
 * shows its first changes and {@code ... N more changes}; the audit log keeps them all.
 */
public final class PlanRenderer {
    /** Changes shown before the rest are summarised, unless told otherwise. */
    public static final int DEFAULT_MAX_CHANGES = 12;
    private static final String INDENT = "  ";
    private final Style style;
    private final int maxChanges;

    public PlanRenderer(Style style) { this(style, DEFAULT_MAX_CHANGES); }

    /** Shows at most {@code maxChanges} change lines (at least 1). */
    public PlanRenderer(Style style, int maxChanges) {
        if (maxChanges < 1) throw new IllegalArgumentException("maxChanges < 1");
        this.style = style;
        this.maxChanges = maxChanges;
    }

    /** A renderer that shows every change (for output that is not a terminal: a log or a pipe is read whole). */
    public static PlanRenderer whole(Style style) { return new PlanRenderer(style, Integer.MAX_VALUE); }

    /** How many changes {@link #render} leaves out of {@code plan} ("... N more changes"); 0 when it shows all. */
    public int hidden(Plan plan) {
        int n = plan.changes().size();
        return n > maxChanges ? n - (maxChanges - 1) : 0;
    }

    /** The plan, each line ending in {@code \n}. */
    public String render(Plan plan) { return render(plan, hidden(plan)); }

    /** The plan with every change, whatever the limit. */
    public String renderAll(Plan plan) { return render(plan, 0); }

    private String render(Plan plan, int hidden) {
        StringBuilder out = new StringBuilder();
        String title = plan.isIrreversible() ? style.danger(plan.title()) : style.bold(plan.title());
        out.append("plan: ").append(title).append('\n');
        List<Change> all = plan.changes();
        List<Change> changes = all.subList(0, all.size() - hidden);
        int i = 0;
        while (i < changes.size()) {
            int end = i + 1;
            while (end < changes.size() && sameShape(changes.get(i), changes.get(end))) end++;
            appendAligned(out, changes.subList(i, end), style);
            i = end;
        }
        if (hidden > 0) out.append(INDENT).append("... ").append(hidden).append(" more changes\n");
        for (String note : plan.notes()) out.append(INDENT).append(noteStyled(note)).append('\n');
        if (plan.isIrreversible()) out.append(INDENT).append(style.danger("this cannot be undone")).append('\n');
        return out.toString();
    }

    /** The question: {@code apply? [y/N] } or {@code type "PHRASE" to proceed: }. */
    public String question(Plan plan) {
        return plan.needsPhrase() ? "type \"" + plan.phrase() + "\" to proceed: " : "apply? [y/N] ";
    }

    private static boolean sameShape(Change a, Change b) {
        return a.getClass() == b.getClass() && a.cells().size() == b.cells().size();
    }

    /** Warnings yellow, errors red (lint findings and sesh's own warnings); other notes plain. */
    private String noteStyled(String note) {
        String t = note.stripLeading();
        if (t.startsWith("warning")) return style.yellow(note);
        if (t.startsWith("error")) return style.red(note);
        return note;
    }

    private static void appendAligned(StringBuilder out, List<Change> group, Style style) {
        int columns = group.get(0).cells().size();
        int[] width = new int[columns];
        for (Change c : group) {
            List<String> cells = c.cells();
            for (int col = 0; col < columns; col++) width[col] = Math.max(width[col], cells.get(col).length());
        }
        for (Change c : group) {
            List<String> cells = c.cells();
            List<String> padded = new ArrayList<>(columns);
            for (int col = 0; col < columns; col++) {
                String cell = cells.get(col);
                padded.add(col == columns - 1 ? cell : cell + " ".repeat(width[col] - cell.length()));
            }
            String line = String.join("  ", padded).stripTrailing();
            // A step that cannot be undone stands out in red (the rest of the plan stays plain).
            out.append(INDENT).append(c.reversibility() == dev.sesh.plan.Reversibility.IRREVERSIBLE ? style.danger(line) : line).append('\n');
        }
    }
}
