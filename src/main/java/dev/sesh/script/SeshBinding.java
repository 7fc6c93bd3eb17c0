package dev.sesh.script;

import dev.sesh.SeshException;
import groovy.lang.Binding;
import groovy.lang.MissingPropertyException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Script variables over the bound objects: a name is the user's variable if assigned, else the
 * bound object (fetched live from {@link Bindings}). Bound names cannot be assigned, so
 * {@code board = 1} cannot hide the board from later lines.
 */
final class SeshBinding extends Binding {
    private final Bindings bound;

    SeshBinding(Bindings bound) {
        super(new LinkedHashMap<>());
        this.bound = bound;
    }

    Bindings bindings() { return bound; }

    @Override public Object getVariable(String name) {
        Map<?, ?> vars = getVariables();
        if (vars.containsKey(name)) return vars.get(name);
        if (bound.has(name)) return bound.get(name);
        throw new MissingPropertyException(name, SeshBinding.class);
    }

    @Override public boolean hasVariable(String name) {
        return getVariables().containsKey(name) || bound.has(name);
    }

    @Override public void setVariable(String name, Object value) {
        refuseBound(name);
        super.setVariable(name, value);
    }

    @Override public void removeVariable(String name) {
        refuseBound(name);
        super.removeVariable(name);
    }

    /** The user's variables only. */
    @SuppressWarnings("unchecked")
    Map<String, Object> userVariables() { return (Map<String, Object>) getVariables(); }

    private void refuseBound(String name) {
        if (bound.has(name)) {
            throw SeshException.badArg(name + " is a bound object and cannot be assigned",
                    "pick another variable name (bound: " + String.join(", ", bound.names()) + ")");
        }
    }
}
