package dev.sesh.script;

import dev.sesh.SeshException;
import dev.sesh.bytes.Clock;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The live objects a script sees ({@code board}, {@code i2c}, {@code atca}, {@code fs},
 * {@code config}, {@code x509}) and where its helpers write and sleep. Each object is looked up
 * through its supplier on every use, so after {@code connect} a script sees the new board: the same
 * instance the commands use at that moment. A supplier may throw a {@code SeshException} (for
 * example "not connected"); the script then fails with that message.
 */
public final class Bindings {
    private final Map<String, Supplier<?>> objects;
    private final PrintWriter out;
    private final Clock clock;

    private Bindings(Map<String, Supplier<?>> objects, PrintWriter out, Clock clock) {
        this.objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        this.out = out;
        this.clock = clock;
    }

    /** Starts a set whose {@code println} goes to {@code out} and whose {@code sleep} waits on {@code clock}. */
    public static Builder builder(PrintWriter out, Clock clock) { return new Builder(out, clock); }

    /** Bound names in the order they were bound. */
    public Set<String> names() { return objects.keySet(); }

    public boolean has(String name) { return objects.containsKey(name); }

    /** The object bound to {@code name} now; throws what its supplier throws. */
    public Object get(String name) {
        Supplier<?> s = objects.get(name);
        if (s == null) throw new IllegalArgumentException("nothing bound as " + name);
        return s.get();
    }

    /** The object bound to {@code name}, or empty when it is unbound or unavailable (not connected). */
    public Optional<Object> peek(String name) {
        Supplier<?> s = objects.get(name);
        if (s == null) return Optional.empty();
        try {
            return Optional.ofNullable(s.get());
        } catch (SeshException e) {
            return Optional.empty();
        }
    }

    /** Where {@code println}, {@code print} and {@code printf} write (stdout: results). */
    public PrintWriter out() { return out; }

    /** What {@code sleep(ms)} waits on. */
    public Clock clock() { return clock; }

    public static final class Builder {
        private final Map<String, Supplier<?>> objects = new LinkedHashMap<>();
        private final PrintWriter out;
        private final Clock clock;

        private Builder(PrintWriter out, Clock clock) {
            this.out = out;
            this.clock = clock;
        }

        /** Binds {@code name}; it must be a Groovy identifier and not a helper's name. */
        public Builder bind(String name, Supplier<?> supplier) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || Helpers.NAMES.contains(name)) {
                throw new IllegalArgumentException("cannot bind " + name);
            }
            objects.put(name, supplier);
            return this;
        }

        public Bindings build() { return new Bindings(objects, out, clock); }
    }
}
