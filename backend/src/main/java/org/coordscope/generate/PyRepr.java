package org.coordscope.generate;

import java.util.List;

/**
 * Python {@code repr()} of lists, the way Twitter's Information Operations archive writes its list columns:
 * {@code []}, {@code ['a', 'b']}, {@code ["it's"]}; ids that are all digits are written as bare integers
 * ({@code [123, 456]}), hashed ids as strings.
 */
final class PyRepr {

    private PyRepr() {}

    static String strings(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringBuilder sb = new StringBuilder(values.size() * 24);
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendString(sb, values.get(i));
        }
        return sb.append(']').toString();
    }

    static String ids(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringBuilder sb = new StringBuilder(values.size() * 24);
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String v = values.get(i);
            if (isDigits(v)) {
                sb.append(v);
            } else {
                appendString(sb, v);
            }
        }
        return sb.append(']').toString();
    }

    private static boolean isDigits(String v) {
        if (v.isEmpty() || v.length() > 1 && v.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Python 3 {@code repr(str)}: single quotes unless the text has a single quote and no double quote. */
    static void appendString(StringBuilder sb, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append(quote);
    }
}
