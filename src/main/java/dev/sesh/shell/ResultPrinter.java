package dev.sesh.shell;

import dev.sesh.atca.SecretBytes;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.BoardInfo;
import dev.sesh.script.Completion;
import dev.sesh.script.MemberCompletion;
import dev.sesh.shell.command.InfoCommand;
import dev.sesh.shell.format.HexDump;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a Groovy result prints at the prompt: nothing for null (and void), a hex dump for bytes,
 * the command's table for a board info, a field/value table for a record, a table for a list of
 * records, a secret ({@link SecretBytes}) as its name and length only, and {@code ===> value} (Groovy's list and map notation) for everything else. With
 * {@code --json}, one JSON value.
 */
public final class ResultPrinter {
    private static final int MAX_TABLE_ROWS = 200;

    private ResultPrinter() {}

    /** The text to print for {@code value}, each line ending in a newline; empty for null. */
    public static String format(Object value, boolean json) {
        if (value == null) return "";
        if (json) return asJson(value);
        if (value instanceof SecretBytes) return "===> " + value + "\n";   // a name and a length, never the bytes
        if (value instanceof Bytes b) return HexDump.of(b);
        if (value instanceof byte[] a) return HexDump.of(Bytes.of(a));
        if (value instanceof BoardInfo info) return InfoCommand.table(info);
        if (value.getClass().isRecord()) return recordTable(value);
        if (value instanceof List<?> list && isRecordList(list)) return listTable(list);
        return "===> " + text(value) + "\n";
    }

    private static String asJson(Object value) {
        Object v = value instanceof byte[] a ? Bytes.of(a) : value instanceof CharSequence s ? s.toString() : value;
        try {
            return JsonOut.of(v);
        } catch (IllegalArgumentException e) {
            return JsonOut.of(text(value));
        }
    }

    /** Groovy's notation: {@code [1, 2]}, {@code [a:1]}, {@code [:]}; bytes as hex. */
    static String text(Object v) {
        if (v == null) return "null";
        if (v instanceof Bytes b) return b.hex();
        if (v instanceof byte[] a) return Bytes.of(a).hex();
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) return "[:]";
            return m.entrySet().stream().map(e -> text(e.getKey()) + ":" + text(e.getValue()))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Collection<?> c) return join(c.iterator());
        if (v.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) items.add(Array.get(v, i));
            return join(items.iterator());
        }
        if (overridesToString(v.getClass())) return v.toString();
        return summary(v.getClass());
    }

    private static String join(Iterator<?> it) {
        List<String> parts = new ArrayList<>();
        while (it.hasNext()) parts.add(text(it.next()));
        return "[" + String.join(", ", parts) + "]";
    }

    /** An object without its own toString (a device object such as {@code board}): its type and the methods completion offers. */
    private static String summary(Class<?> c) {
        String methods = MemberCompletion.members(c).stream().map(Completion::value)
                .filter(v -> v.endsWith("(") || v.endsWith("()")).map(v -> v.substring(0, v.indexOf('(')))
                .distinct().sorted().collect(Collectors.joining(", "));
        return c.getSimpleName() + (methods.isEmpty() ? "" : " (methods: " + methods + ")");
    }

    private static boolean overridesToString(Class<?> c) {
        try {
            return c.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean isRecordList(List<?> list) {
        if (list.isEmpty() || list.get(0) == null || !list.get(0).getClass().isRecord() || list.get(0) instanceof SecretBytes) return false;
        Class<?> c = list.get(0).getClass();
        return list.stream().allMatch(e -> e != null && e.getClass() == c);
    }

    private static String recordTable(Object record) {
        Table t = Table.of("field", "value");
        for (RecordComponent rc : record.getClass().getRecordComponents()) t.row(rc.getName(), text(component(rc, record)));
        return t.render();
    }

    private static String listTable(List<?> list) {
        RecordComponent[] rcs = list.get(0).getClass().getRecordComponents();
        Table t = Table.of(Arrays.stream(rcs).map(RecordComponent::getName).toArray(String[]::new));
        for (Object e : list.subList(0, Math.min(list.size(), MAX_TABLE_ROWS))) {
            t.row(Arrays.stream(rcs).map(rc -> text(component(rc, e))).toArray());
        }
        String more = list.size() > MAX_TABLE_ROWS ? "... " + (list.size() - MAX_TABLE_ROWS) + " more rows\n" : "";
        return t.render() + more;
    }

    private static Object component(RecordComponent rc, Object record) {
        try {
            Method m = rc.getAccessor();
            m.setAccessible(true);
            return m.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return "?";
        }
    }
}
