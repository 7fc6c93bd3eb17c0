package dev.sesh.script;

import dev.sesh.SeshException;
import dev.sesh.atca.Atecc;
import dev.sesh.device.Board;
import dev.sesh.device.I2cBus;
import groovy.lang.DelegatingMetaClass;
import groovy.lang.GroovySystem;
import groovy.lang.MetaClass;

import java.util.Map;

/**
 * Keeps scripts on the gated paths. The device objects have public methods that skip the confirm
 * gate because the device API itself calls them once a plan is approved ({@code Board.raw},
 * {@code I2cBus.rawWrite}, and {@code Atecc.backend}, whose back end sends chip packets as given);
 * Groovy calls to them are refused with the gated way to do the same.
 * This guards against slips, not against a script that means to get around it (reflection).
 */
final class GateGuard {
    /** Refused methods by class, and what to use instead. */
    static final Map<Class<?>, Map<String, String>> REFUSED = Map.of(
            Board.class, Map.of("raw", "board.call(METHOD, PARAMS_JSON), which shows the plan and asks"),
            I2cBus.class, Map.of("rawWrite", "i2c.write(ADDR, BYTES), which shows the plan and asks"),
            Atecc.class, Map.of("backend", "atca's own methods, or atca.raw(OPCODE, P1, P2, DATA), which shows the plan and asks"));

    private static volatile boolean installed;

    private GateGuard() {}

    /** Installs the guard in Groovy's metaclass registry once per JVM. */
    static synchronized void install() {
        if (installed) return;
        for (var e : REFUSED.entrySet()) {
            MetaClass guarded = new Guarded(e.getKey(), e.getValue());
            guarded.initialize();
            GroovySystem.getMetaClassRegistry().setMetaClass(e.getKey(), guarded);
        }
        installed = true;
    }

    /** True if completion should not offer {@code method} on {@code type}. */
    static boolean hides(Class<?> type, String method) {
        Map<String, String> m = REFUSED.get(type);
        return m != null && m.containsKey(method);
    }

    private static final class Guarded extends DelegatingMetaClass {
        private final Map<String, String> refused;
        private final String objectName;

        Guarded(Class<?> type, Map<String, String> refused) {
            super(type);
            this.refused = refused;
            this.objectName = type == Board.class ? "board" : type == I2cBus.class ? "i2c" : type == Atecc.class ? "atca" : type.getSimpleName();
        }

        private void check(String method) {
            String instead = refused.get(method);
            if (instead != null) {
                throw SeshException.badArg(objectName + "." + method + " is not for scripts: it skips the confirm gate",
                        "use " + instead);
            }
        }

        @Override public Object invokeMethod(Object object, String methodName, Object[] arguments) {
            check(methodName);
            return super.invokeMethod(object, methodName, arguments);
        }

        @Override public Object invokeMethod(Object object, String methodName, Object arguments) {
            check(methodName);
            return super.invokeMethod(object, methodName, arguments);
        }

        @SuppressWarnings("rawtypes")   // Groovy's signature
        @Override public Object invokeMethod(Class sender, Object receiver, String methodName, Object[] arguments,
                                             boolean isCallToSuper, boolean fromInsideClass) {
            check(methodName);
            return super.invokeMethod(sender, receiver, methodName, arguments, isCallToSuper, fromInsideClass);
        }
    }
}
