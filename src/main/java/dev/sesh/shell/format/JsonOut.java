package dev.sesh.shell.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;

import java.io.IOException;

/**
 * One JSON value for {@code --json} output (design.md 5.1: stdout carries nothing else): two-space
 * indentation, {@code "key": value}, arrays one element per line, a final newline. Records map by
 * component name; {@link Bytes} print as lower-case hex strings.
 */
public final class JsonOut {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(
            new SimpleModule("sesh-bytes").addSerializer(Bytes.class, new BytesAsHex()));
    private static final ObjectWriter WRITER = MAPPER.writer(printer());

    private JsonOut() {}

    /** {@code value} (record, map, list, string, number...) as pretty JSON plus a newline. */
    public static String of(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Re-indents JSON text (an RPC result as received); invalid text is a usage error. */
    public static String pretty(String jsonText) {
        JsonNode node;
        try {
            node = MAPPER.readTree(jsonText);
        } catch (JsonProcessingException e) {
            throw SeshException.badArg("not valid JSON: " + e.getOriginalMessage(), "check quotes and brackets");
        }
        return of(node == null ? MAPPER.nullNode() : node);
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter lines = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        p.indentObjectsWith(lines);
        p.indentArraysWith(lines);
        return p;
    }

    private static final class BytesAsHex extends StdSerializer<Bytes> {
        BytesAsHex() { super(Bytes.class); }

        @Override public void serialize(Bytes value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.hex());
        }
    }
}
