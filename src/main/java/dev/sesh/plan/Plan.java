package dev.sesh.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a change will do, shown before anything is sent (design.md 1, "The confirm prompt"): a
 * one-line {@code title}, the {@code changes}, free {@code notes} (lint result, what crosses the
 * link), whether it can be undone, and for irreversible plans the exact {@code phrase} the user
 * must type (design.md 5.10; empty for reversible plans). Plans carry no secret bytes: changes
 * cannot hold them, and the title, notes and phrase are refused if they contain 32 bytes (the
 * size of a key) written as hex or base64.
 */
public record Plan(String title, List<Change> changes, List<String> notes, Reversibility reversibility,
                   String phrase, Target target) {
    // 32 bytes as hex, or as base64 (43 characters and one '=' pad).
    private static final Pattern KEY_SIZED = Pattern.compile("[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=");

    public Plan {
        Objects.requireNonNull(title); Objects.requireNonNull(reversibility); Objects.requireNonNull(phrase); Objects.requireNonNull(target);
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        if (title.isBlank() || title.contains("\n")) throw new IllegalArgumentException("a plan title is one non-blank line");
        if (changes.isEmpty()) throw new IllegalArgumentException("a plan has at least one change");
        Reversibility least = Reversibility.REVERSIBLE;
        for (Change c : changes) least = least.and(c.reversibility());
        if (least == Reversibility.IRREVERSIBLE && reversibility != Reversibility.IRREVERSIBLE) {
            throw new IllegalArgumentException("a plan with an irreversible change is irreversible");
        }
        if (reversibility == Reversibility.IRREVERSIBLE && phrase.isBlank()) {
            throw new IllegalArgumentException("an irreversible plan has a typed phrase");
        }
        List<String> texts = new ArrayList<>(notes);
        texts.add(title);
        texts.add(phrase);
        for (String t : texts) {
            if (KEY_SIZED.matcher(t).find()) throw new IllegalArgumentException("plan text looks like key material; describe it instead");
            if (t.contains("\n")) throw new IllegalArgumentException("plan notes are single lines");
        }
    }

    /** Starts a plan for {@code target} titled {@code title}. */
    public static Builder builder(String title, Target target) { return new Builder(title, target); }

    public boolean isIrreversible() { return reversibility == Reversibility.IRREVERSIBLE; }

    /**
     * True if approving needs the typed phrase: every irreversible plan, and a reversible one
     * built with {@link Builder#requirePhrase} (e.g. a config write with a lint error, issue 7).
     * Gates treat such a plan like an irreversible one (--yes alone does not cover it).
     */
    public boolean needsPhrase() { return !phrase.isBlank(); }

    /**
     * Everything approving this plan lets through the link guard: the actions of its changes
     * (design.md 5.9). A frame whose actions are not all here is refused while this plan runs.
     */
    public List<Action> actions() {
        List<Action> out = new ArrayList<>();
        for (Change c : changes) {
            for (Action a : c.actions()) if (!out.contains(a)) out.add(a);
        }
        return out;
    }

    /** The detail lines: one per change, then the notes. Safe to print and to log. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Change c : changes) out.add(c.line());
        out.addAll(notes);
        return out;
    }

    @Override public String toString() { return "Plan[" + reversibility.word() + ": " + title + "]"; }

    /** Collects changes and notes; the reversibility follows from the changes, the phrase from the first irreversible one. */
    public static final class Builder {
        private final String title;
        private final Target target;
        private final List<Change> changes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String phrase = "";
        private int boards = 1;
        private String required = "";

        private Builder(String title, Target target) {
            this.title = title;
            this.target = target;
        }

        public Builder change(Change change) { changes.add(Objects.requireNonNull(change)); return this; }

        public Builder changes(List<? extends Change> more) { more.forEach(this::change); return this; }

        public Builder note(String note) { notes.add(Objects.requireNonNull(note)); return this; }

        /** Overrides the typed phrase of an irreversible plan. */
        public Builder phrase(String typed) { phrase = Objects.requireNonNull(typed); return this; }

        /** Makes even a reversible plan need a typed phrase: {@code verb} plus the serial tag (design.md 5.10). */
        public Builder requirePhrase(String verb) { required = Objects.requireNonNull(verb); return this; }

        /** The plan covers {@code count} boards: the typed phrase names the count instead of one serial (design.md 5.10). */
        public Builder boards(int count) {
            if (count < 1) throw new IllegalArgumentException("boards < 1");
            boards = count;
            return this;
        }

        public Plan build() {
            Reversibility r = Reversibility.REVERSIBLE;
            Change first = null;
            for (Change c : changes) {
                r = r.and(c.reversibility());
                if (first == null && c.reversibility() == Reversibility.IRREVERSIBLE) first = c;
            }
            String typed = "";
            if (first != null) typed = phrase.isBlank() ? defaultPhrase(first.verb()) : phrase;
            else if (!required.isBlank()) typed = phrase.isBlank() ? defaultPhrase(required) : phrase;
            return new Plan(title, changes, notes, r, typed, target);
        }

        private String defaultPhrase(String verb) {
            if (boards > 1) return verb + " on " + boards + " boards";
            return target.hasSerial() ? verb + " " + target.serialTag() : verb;
        }
    }
}
