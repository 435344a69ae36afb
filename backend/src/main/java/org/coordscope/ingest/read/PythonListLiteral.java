package org.coordscope.ingest.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Python list-of-strings literal, the way Twitter's Information Operations archive writes its list
 * columns ({@code hashtags}, {@code urls}, {@code user_mentions}): the {@code repr()} of a Python list, such as
 * {@code ['a', 'b']}, {@code ["it's"]} or {@code []}.
 *
 * <p>Accepted: single- or double-quoted strings with the {@code u}, {@code r} or {@code b} prefixes older
 * Python versions wrote, whitespace anywhere between tokens, a trailing comma, and Python's escapes
 * ({@code \\ \' \" \n \r \t \a \b \f \v}, octal {@code \ooo}, {@code \xhh}, &#92;uhhhh, {@code \Uhhhhhhhh},
 * {@code \N{NAME}}, backslash-newline). An unknown escape such as {@code \q} stays as written, as in Python.
 * A blank or missing value is the empty list. Anything else (no brackets, an unterminated string, a bare word)
 * is malformed: {@link IllegalArgumentException} saying where.
 */
final class PythonListLiteral {

    private final String s;
    private int pos;

    private PythonListLiteral(String s) {
        this.s = s;
    }

    /** The strings of the list, in order; blank or null is the empty list. */
    static List<String> parse(String literal) {
        if (literal == null || literal.isBlank()) {
            return List.of();
        }
        return new PythonListLiteral(literal).list();
    }

    private List<String> list() {
        skipSpace();
        expect('[');
        List<String> items = new ArrayList<>();
        skipSpace();
        while (peek() != ']') {
            items.add(isDigitOrSign(peek()) ? number() : string());
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != ']') {
                throw fail("expected ',' or ']'");
            }
        }
        pos++;
        skipSpace();
        if (pos != s.length()) {
            throw fail("text after the closing ']'");
        }
        return items;
    }

    private static boolean isDigitOrSign(char c) {
        return c >= '0' && c <= '9' || c == '-';
    }

    /** A bare integer, as the archive writes numeric account ids in {@code user_mentions}: {@code [123, 456]}. */
    private String number() {
        int start = pos;
        pos++;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start + 1 && s.charAt(start) == '-') {
            throw fail("expected a number or a quoted string");
        }
        return s.substring(start, pos);
    }

    private String string() {
        boolean raw = false;
        // Prefixes: u'' (Python 2 unicode), r'' (raw), b'' (bytes), and their pairs such as ur'' or br''.
        while (pos < s.length() && "uUrRbB".indexOf(s.charAt(pos)) >= 0) {
            raw |= s.charAt(pos) == 'r' || s.charAt(pos) == 'R';
            pos++;
        }
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw fail("expected a quoted string");
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw fail("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw fail("unterminated string");
            }
            if (raw) {
                // In a raw string a backslash stays, and only protects the next character from ending the string.
                out.append('\\').append(s.charAt(pos++));
                continue;
            }
            escape(out);
        }
    }

    private void escape(StringBuilder out) {
        char e = s.charAt(pos++);
        switch (e) {
            case '\\', '\'', '"' -> out.append(e);
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case '\n' -> {} // backslash-newline continues the line
            case 'x' -> out.appendCodePoint(hex(2));
            case 'u' -> out.appendCodePoint(hex(4));
            case 'U' -> out.appendCodePoint(hex(8));
            case 'N' -> out.appendCodePoint(named());
            default -> {
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7'; i++) {
                        value = value * 8 + s.charAt(pos++) - '0';
                    }
                    out.appendCodePoint(value);
                } else {
                    out.append('\\').append(e);
                }
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > s.length()) {
            throw fail("truncated escape");
        }
        int value;
        try {
            value = Integer.parseUnsignedInt(s.substring(pos, pos + digits), 16);
        } catch (NumberFormatException e) {
            throw fail("bad hexadecimal escape");
        }
        if (!Character.isValidCodePoint(value)) {
            throw fail("escape beyond Unicode");
        }
        pos += digits;
        return value;
    }

    private int named() {
        int close = s.indexOf('}', pos);
        if (peek() != '{' || close < 0) {
            throw fail("bad \\N{...} escape");
        }
        String name = s.substring(pos + 1, close);
        try {
            int cp = Character.codePointOf(name);
            pos = close + 1;
            return cp;
        } catch (IllegalArgumentException e) {
            throw fail("unknown character name " + name);
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw fail("unexpected end");
        }
        return s.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException("not a Python list literal (" + what + " at character " + (pos + 1) + "): '"
                + Values.abbreviate(s) + "'");
    }
}
