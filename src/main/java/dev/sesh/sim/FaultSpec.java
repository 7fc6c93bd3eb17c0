package dev.sesh.sim;

import dev.sesh.SeshException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Faults to inject into a simulated board's reply frames (docs/simulator.md). Grammar:
 * <pre>
 * spec  = rule *( "," rule )
 * rule  = kind [ "=" MS ] "@" ( N / "*" )      ; N = the Nth reply frame (1-based), * = every one
 * kind  = junk | drop | flip | crc | delay | reboot | cut | xoff
 * </pre>
 * {@code delay} and {@code xoff} take milliseconds ({@code delay=6000@2}, {@code xoff=3000@1});
 * the others take none. Random positions and junk bytes come from the seed.
 */
public record FaultSpec(List<Rule> rules, long seed) {
    /** What happens to a reply frame. */
    public enum Kind {
        /** Random log-like junk bytes in front of the frame. */
        JUNK,
        /** One byte of the frame is lost. */
        DROP,
        /** One bit of one byte of the frame is flipped. */
        FLIP,
        /** The frame carries a CRC that does not match. */
        CRC,
        /** The frame goes out MS ms late. */
        DELAY,
        /** The board restarts instead of sending the frame. */
        REBOOT,
        /** The link is cut instead of sending the frame. */
        CUT,
        /** The device sends XOFF, reads nothing for MS ms, then sends XON. */
        XOFF;

        boolean takesMillis() { return this == DELAY || this == XOFF; }
    }

    /** One rule; {@code at} 0 means every reply frame. */
    public record Rule(Kind kind, long millis, int at) {
        public boolean appliesTo(int n) { return at == 0 || at == n; }
    }

    public FaultSpec {
        rules = List.copyOf(rules);
    }

    public static FaultSpec none() { return new FaultSpec(List.of(), 0); }

    public boolean isEmpty() { return rules.isEmpty(); }

    /** Parses a spec; an empty or blank spec means no faults. */
    public static FaultSpec parse(String spec, long seed) {
        List<Rule> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) return new FaultSpec(out, seed);
        for (String part : spec.split(",")) {
            String p = part.trim();
            int at = p.lastIndexOf('@');
            if (at <= 0) throw bad(p, "a rule ends in @N or @*");
            String head = p.substring(0, at);
            String pos = p.substring(at + 1);
            int eq = head.indexOf('=');
            String name = eq < 0 ? head : head.substring(0, eq);
            Kind kind;
            try {
                kind = Kind.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(p, "kinds are junk, drop, flip, crc, delay=MS, reboot, cut, xoff=MS");
            }
            long ms = 0;
            if (kind.takesMillis()) {
                if (eq < 0) throw bad(p, name + " needs milliseconds, e.g. " + name + "=3000@1");
                ms = number(head.substring(eq + 1), p);
            } else if (eq >= 0) {
                throw bad(p, name + " takes no value");
            }
            int n = pos.equals("*") ? 0 : (int) number(pos, p);
            if (!pos.equals("*") && n < 1) throw bad(p, "reply frames count from 1");
            out.add(new Rule(kind, ms, n));
        }
        return new FaultSpec(out, seed);
    }

    private static long number(String s, String rule) {
        try {
            long v = Long.parseLong(s);
            if (v < 0) throw bad(rule, "numbers are not negative");
            return v;
        } catch (NumberFormatException e) {
            throw bad(rule, "'" + s + "' is not a number");
        }
    }

    private static SeshException bad(String rule, String hint) {
        return SeshException.badArg("bad fault rule '" + rule + "'", hint + " (see docs/simulator.md)");
    }

    /** The rules that apply to reply frame {@code n}. */
    public List<Rule> at(int n) {
        List<Rule> r = new ArrayList<>();
        for (Rule rule : rules) if (rule.appliesTo(n)) r.add(rule);
        return r;
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Rule r : rules) {
            sb.append(sb.length() == 0 ? "" : ",").append(r.kind().name().toLowerCase(Locale.ROOT));
            if (r.kind().takesMillis()) sb.append('=').append(r.millis());
            sb.append('@').append(r.at() == 0 ? "*" : String.valueOf(r.at()));
        }
        return sb.toString();
    }
}
