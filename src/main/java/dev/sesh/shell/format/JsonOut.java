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
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One JSON value for {@code --json} output (design.md 5.1: stdout carries nothing else): two-space
 * indentation, {@code "key": value}, arrays one element per line, a final newline. Records map by
 * component name; {@link Bytes} print as lower-case hex strings, an {@link Optional} as its value
 * or null, {@link Instant} and {@link Duration} as ISO-8601 text.
 */
public final class JsonOut {
    // No jdk8/jsr310 modules in the build: Optional, Instant and Duration are mapped here instead.
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("sesh-values")
            .addSerializer(Bytes.class, new BytesAsHex())
            .addSerializer(new OptionalAsValue())
            .addSerializer(Instant.class, ToStringSerializer.instance)
            .addSerializer(Duration.class, ToStringSerializer.instance));
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

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class OptionalAsValue extends StdSerializer<Optional> {
        OptionalAsValue() { super(Optional.class); }

        @Override public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) provider.defaultSerializeValue(value.get(), gen);
            else gen.writeNull();
        }
    }
}
