package org.coordscope.ingest.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damages lines of a real source file the way exports, editors and truncated downloads do: characters dropped
 * or inserted (quotes, separators, newlines, NUL, non-BMP text), a field replaced by garbage, a line cut short,
 * doubled or moved. The header (line 0) is left alone unless {@code header} is set, so most mutations exercise
 * row handling rather than whole-file refusal.
 */
public final class RowMutator {

    /** What can be inserted or written over a field: the characters parsers trip on. */
    private static final String[] PAYLOADS = {
        "\"",
        ",",
        "\n",
        "\r\n",
        "\u0000",
        "'",
        "[",
        "]",
        "{",
        "}",
        "\\",
        "\t",
        "𝕏",
        "\uFEFF",
        "9999999999999999999999",
        "-1",
        "NaN",
        "",
        "absent",
        "True",
        "2016-13-45 25:61",
        "=HYPERLINK(\"x\")",
        "['unterminated",
        "[1, 2",
        "\"\"\"",
        "null",
        "1e309",
        "ä".repeat(300)
    };

    public enum Kind {
        DELETE_CHAR,
        INSERT,
        OVERWRITE_FIELD,
        TRUNCATE_LINE,
        DUPLICATE_LINE,
        SWAP_LINES,
        DROP_LINE
    }

    public record Mutation(Kind kind, int line, int position, int payload) {}

    private RowMutator() {}

    /** {@code count} random mutations over {@code lines} (line 0 is the header). */
    public static List<Mutation> random(Random random, int lineCount, int count) {
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mutations.add(new Mutation(
                    Kind.values()[random.nextInt(Kind.values().length)],
                    1 + random.nextInt(Math.max(1, lineCount - 1)),
                    random.nextInt(1 << 16),
                    random.nextInt(PAYLOADS.length)));
        }
        return mutations;
    }

    /** The lines after applying each mutation in turn; indices wrap, so any mutation applies to any file. */
    public static List<String> apply(List<String> original, List<Mutation> mutations, boolean header) {
        List<String> lines = new ArrayList<>(original);
        int first = header ? 0 : 1;
        for (Mutation m : mutations) {
            if (lines.size() <= first) {
                break;
            }
            int index = first + Math.floorMod(m.line(), lines.size() - first);
            String line = lines.get(index);
            int at = line.isEmpty() ? 0 : Math.floorMod(m.position(), line.length());
            String payload = PAYLOADS[Math.floorMod(m.payload(), PAYLOADS.length)];
            switch (m.kind()) {
                case DELETE_CHAR ->
                    lines.set(index, line.isEmpty() ? line : line.substring(0, at) + line.substring(at + 1));
                case INSERT -> lines.set(index, line.substring(0, at) + payload + line.substring(at));
                case OVERWRITE_FIELD -> lines.set(index, overwriteField(line, at, payload));
                case TRUNCATE_LINE -> lines.set(index, line.substring(0, at));
                case DUPLICATE_LINE -> lines.add(index, line);
                case SWAP_LINES -> {
                    int other = first + Math.floorMod(m.position(), lines.size() - first);
                    lines.set(index, lines.get(other));
                    lines.set(other, line);
                }
                case DROP_LINE -> lines.remove(index);
            }
        }
        return lines;
    }

    /** Replaces the comma-separated stretch around {@code at} (or a JSON value, crudely) with {@code payload}. */
    private static String overwriteField(String line, int at, String payload) {
        int start = line.lastIndexOf(',', at);
        int end = line.indexOf(',', at + 1);
        return line.substring(0, start + 1) + payload + (end < 0 ? "" : line.substring(end));
    }

    /** {@code bytes} with a malformed UTF-8 sequence inserted at {@code at} (wrapped into the body). */
    public static byte[] withInvalidUtf8(byte[] bytes, int at) {
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        int i = Math.min(bytes.length, at % Math.max(1, bytes.length));
        byte[] out = new byte[bytes.length + bad.length];
        System.arraycopy(bytes, 0, out, 0, i);
        System.arraycopy(bad, 0, out, i, bad.length);
        System.arraycopy(bytes, i, out, i + bad.length, bytes.length - i);
        return out;
    }
}
