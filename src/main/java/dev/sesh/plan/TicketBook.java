package dev.sesh.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The tickets one gate has issued (design.md 5.9). A ticket is open while its approved plan's
 * action runs, on the thread that runs it and on threads that action starts (a pipelined file
 * transfer); it closes when the action returns, so a thread left behind cannot use it later. The
 * book is private to the gate that issues and the guards that check; nothing else can add to it.
 */
final class TicketBook {
    /** One approved plan's permission: the board it is for, the actions it covers. */
    static final class Ticket {
        final String id;
        final String port;
        final List<Action> actions;
        final Plan plan;
        private volatile boolean open = true;

        private Ticket(String id, String port, List<Action> actions, Plan plan) {
            this.id = id;
            this.port = port;
            this.actions = List.copyOf(actions);
            this.plan = plan;
        }

        boolean covers(String guardPort, Action frame) {
            return open && port.equals(guardPort) && actions.stream().anyMatch(a -> a.covers(frame));
        }
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private final InheritableThreadLocal<Deque<Ticket>> held = new InheritableThreadLocal<>() {
        @Override protected Deque<Ticket> initialValue() { return new ArrayDeque<>(); }
        @Override protected Deque<Ticket> childValue(Deque<Ticket> parent) { return new ArrayDeque<>(parent); }
    };

    /** Runs {@code action} holding a ticket for {@code plan}; the ticket closes when it returns. */
    <T> T holding(Plan plan, String planId, Supplier<T> action) {
        Ticket t = new Ticket(planId, plan.target().port(), plan.actions(), plan);
        Deque<Ticket> mine = held.get();
        mine.push(t);
        try {
            return action.get();
        } finally {
            t.open = false;
            mine.remove(t);
        }
    }

    /** The open ticket held on this thread that covers {@code frame} on {@code port}, or null. */
    Ticket covering(String port, Action frame) {
        for (Ticket t : held.get()) {
            if (t.covers(port, frame)) return t;
        }
        return null;
    }

    static String nextId() { return "p" + SEQUENCE.incrementAndGet(); }

    @Override public String toString() { return "TicketBook"; }
}
