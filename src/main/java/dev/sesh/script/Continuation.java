package dev.sesh.script;

/**
 * Whether console input is an unfinished Groovy expression that should continue on the next line:
 * an open bracket, brace or parenthesis, an open triple-quoted string or block comment, a trailing
 * backslash, or a trailing binary operator ({@code +}, {@code &&}, {@code ->}, {@code .}, ...). A
 * lexical scan, so it answers before Groovy has started; closing too much is left to the compiler.
 */
public final class Continuation {
    private Continuation() {}

    public static boolean incomplete(String source) {
        int depth = 0;
        int i = 0;
        int n = source.length();
        int lastCode = -1;                     // index of the last character outside strings and comments
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("'''", i) || source.startsWith("\"\"\"", i)) {
                int end = closeOf(source, i + 3, source.substring(i, i + 3));
                if (end < 0) return true;
                i = end;
                lastCode = i - 1;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = closeOf(source, i + 1, String.valueOf(c));
                i = end < 0 ? n : end;
                lastCode = i - 1;
                continue;
            }
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') i++;
                continue;
            }
            if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) return true;
                i = end + 2;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            if (!Character.isWhitespace(c)) lastCode = i;
            i++;
        }
        if (depth > 0) return true;
        return lastCode >= 0 && trailingOperator(source.substring(0, lastCode + 1));
    }

    /** Index after the closing {@code quote}, honouring backslash escapes; -1 if it never closes. */
    private static int closeOf(String s, int from, String quote) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(quote, i)) {
                return i + quote.length();
            } else if (quote.length() == 1 && s.charAt(i) == '\n') {
                return i;                      // a one-line string cannot span lines: let the compiler say so
            }
        }
        return -1;
    }

    private static boolean trailingOperator(String code) {
        if (code.endsWith("++") || code.endsWith("--")) return false;
        char last = code.charAt(code.length() - 1);
        return "+-*/%=&|^<>!~?:,.\\".indexOf(last) >= 0;
    }
}
