package dev.sesh.script;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Completion of Groovy text by reflection over the live objects, never by evaluating anything:
 * {@code boa} -> {@code board}; {@code board.in} -> {@code info()}; {@code board.info().i} ->
 * {@code id}, following declared return types through the chain. Candidates replace the word after
 * the last dot; methods carry their signature ({@code call(String, String) -> String}) as description.
 */
public final class MemberCompletion {
    private static final Set<String> HIDDEN = Set.of("getClass", "wait", "notify", "notifyAll", "hashCode", "equals",
            "invokeMethod", "getMetaClass", "setMetaClass", "getProperty", "setProperty");

    private MemberCompletion() {}

    /**
     * Candidates for {@code text} (everything left of the cursor). {@code roots} gives the value of
     * a top-level name (empty if unknown); {@code topLevel} lists names offered for a bare word.
     */
    public static List<Completion> complete(String text, Function<String, Optional<Object>> roots, List<Completion> topLevel) {
        String chain = trailingChain(text);
        int dot = lastTopLevelDot(chain);
        if (dot < 0) {
            return topLevel.stream().filter(c -> c.value().startsWith(chain)).sorted(Comparator.comparing(Completion::value)).toList();
        }
        String prefix = chain.substring(dot + 1);
        Optional<Type> type = typeOf(chain.substring(0, dot), roots);
        if (type.isEmpty()) return List.of();
        return members(raw(type.get())).stream().filter(c -> c.value().startsWith(prefix)).toList();
    }

    /** The word a candidate replaces: the identifier characters left of the end of {@code text}. */
    public static String word(String text) {
        int i = text.length();
        while (i > 0 && Character.isJavaIdentifierPart(text.charAt(i - 1))) i--;
        return text.substring(i);
    }

    /** The expression chain that ends {@code text}, e.g. {@code board.info().i} in {@code x = board.info().i}. */
    static String trailingChain(String text) {
        int i = text.length();
        int depth = 0;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == ')' || c == ']') depth++;
            else if ((c == '(' || c == '[') && depth > 0) depth--;
            else if (depth == 0 && !(Character.isJavaIdentifierPart(c) || c == '.')) break;
            i--;
        }
        return text.substring(i);
    }

    private static int lastTopLevelDot(String chain) {
        int depth = 0;
        for (int i = chain.length() - 1; i >= 0; i--) {
            char c = chain.charAt(i);
            if (c == ')' || c == ']') depth++;
            else if (c == '(' || c == '[') depth--;
            else if (c == '.' && depth == 0) return i;
        }
        return -1;
    }

    /** Static type of a chain such as {@code board.info()} or {@code list[0].name}. */
    private static Optional<Type> typeOf(String chain, Function<String, Optional<Object>> roots) {
        List<String> segments = split(chain);
        if (segments.isEmpty()) return Optional.empty();
        String first = segments.get(0);
        String rootName = first.replaceAll("[(\\[].*$", "");
        Optional<Type> type = roots.apply(rootName).map(Object::getClass);
        if (type.isEmpty()) return type;
        type = index(type.get(), first.substring(rootName.length()));
        for (String seg : segments.subList(1, segments.size())) {
            if (type.isEmpty()) return type;
            String name = seg.replaceAll("[(\\[].*$", "");
            String rest = seg.substring(name.length());
            type = rest.startsWith("(") ? methodReturn(raw(type.get()), name) : property(raw(type.get()), name);
            if (rest.startsWith("(")) rest = rest.substring(rest.indexOf(')') + 1);
            if (type.isPresent()) type = index(type.get(), rest);
        }
        return type;
    }

    private static List<String> split(String chain) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < chain.length(); i++) {
            char c = chain.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == '.' && depth == 0) {
                out.add(chain.substring(start, i));
                start = i + 1;
            }
        }
        out.add(chain.substring(start));
        return out;
    }

    /** Applies {@code [..]} suffixes: element type of arrays and of generic lists. */
    private static Optional<Type> index(Type type, String suffix) {
        Type t = type;
        for (int i = 0; i < suffix.length(); i++) {
            if (suffix.charAt(i) != '[') continue;
            if (t instanceof Class<?> c && c.isArray()) t = c.getComponentType();
            else if (t instanceof ParameterizedType p && List.class.isAssignableFrom(raw(p))) t = p.getActualTypeArguments()[0];
            else return Optional.empty();
        }
        return Optional.of(t);
    }

    private static Optional<Type> methodReturn(Class<?> c, String name) {
        return Arrays.stream(c.getMethods()).filter(m -> m.getName().equals(name) && visible(m))
                .min(Comparator.comparingInt(Method::getParameterCount))
                .map(Method::getGenericReturnType);
    }

    private static Optional<Type> property(Class<?> c, String name) {
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) if (rc.getName().equals(name)) return Optional.of(rc.getGenericType());
        }
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : List.of("get" + cap, "is" + cap)) {
            try {
                return Optional.of(c.getMethod(getter).getGenericReturnType());
            } catch (NoSuchMethodException e) {
                // not this getter form; try the next one
            }
        }
        if (c.isArray() && name.equals("length")) return Optional.of(int.class);
        return Optional.empty();
    }

    /**
     * The device API's own plumbing, left out of completion: it is not for scripts (a change through
     * it is refused at the link, design.md 5.9), and the gated methods beside it do the same work.
     */
    private static final Map<Class<?>, Set<String>> INTERNAL = Map.of(
            dev.sesh.device.Board.class, Set.of("raw"),
            dev.sesh.device.I2cBus.class, Set.of("rawWrite"),
            dev.sesh.atca.Atecc.class, Set.of("backend"));

    /**
     * Properties (getters, record components) and public methods of {@code c}, one candidate per
     * name; the device API's plumbing ({@link #INTERNAL}) is left out.
     */
    public static List<Completion> members(Class<?> c) {
        Map<String, Completion> out = new LinkedHashMap<>();
        List<Method> methods = Arrays.stream(c.getMethods()).filter(MemberCompletion::visible)
                .filter(m -> !INTERNAL.getOrDefault(c, Set.of()).contains(m.getName()))
                .sorted(Comparator.comparing(Method::getName).thenComparingInt(Method::getParameterCount)).toList();
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                out.put(rc.getName(), new Completion(rc.getName(), rc.getName() + ": " + simple(rc.getGenericType()), true));
            }
        }
        for (Method m : methods) {
            String prop = propertyName(m);
            if (prop != null) out.putIfAbsent(prop, new Completion(prop, prop + ": " + simple(m.getGenericReturnType()), true));
        }
        for (Method m : methods) {
            String value = m.getName() + (m.getParameterCount() == 0 ? "()" : "(");
            out.putIfAbsent(value, new Completion(value, signature(m), m.getParameterCount() == 0));
        }
        return List.copyOf(out.values());
    }

    private static boolean visible(Method m) {
        return !HIDDEN.contains(m.getName()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                && !m.getName().startsWith("$") && Modifier.isPublic(m.getDeclaringClass().getModifiers());
    }

    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class) return null;
        String n = m.getName();
        int skip = n.startsWith("get") && n.length() > 3 ? 3 : n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class ? 2 : 0;
        if (skip == 0 || !Character.isUpperCase(n.charAt(skip))) return null;
        return Character.toLowerCase(n.charAt(skip)) + n.substring(skip + 1);
    }

    static String signature(Method m) {
        String params = Arrays.stream(m.getGenericParameterTypes()).map(MemberCompletion::simple).collect(Collectors.joining(", "));
        String ret = m.getReturnType() == void.class ? "" : " -> " + simple(m.getGenericReturnType());
        return m.getName() + "(" + params + ")" + ret;
    }

    private static String simple(Type t) {
        if (t instanceof Class<?> c) return c.isArray() ? simple(c.getComponentType()) + "[]" : c.getSimpleName();
        if (t instanceof ParameterizedType p) {
            return simple(p.getRawType()) + Arrays.stream(p.getActualTypeArguments()).map(MemberCompletion::simple)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        return t.getTypeName().replaceAll("[\\w.]+\\.", "");
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return raw(p.getRawType());
        return Object.class;
    }
}
