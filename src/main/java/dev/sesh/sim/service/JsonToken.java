package dev.sesh.sim.service;

/**
 * One value as the firmware's lenient JSON scanner sees it (frozen's json_walk): its type and its
 * raw text. A string's text is without its quotes and still escaped (<code>caf&#92;u00e9</code> stays
 * six characters plus the escape); an object's or array's text runs from its opening to its
 * closing bracket. Texts are byte strings: one char per byte (ISO-8859-1).
 */
public record JsonToken(Type type, String text) {
    /** JSON value kinds. */
    public enum Type { STRING, NUMBER, TRUE, FALSE, NULL, OBJECT, ARRAY }

    public JsonToken {
        if (type == null || text == null) throw new IllegalArgumentException("type and text are required");
    }

    public boolean isString() { return type == Type.STRING; }

    public boolean isObject() { return type == Type.OBJECT; }
}
