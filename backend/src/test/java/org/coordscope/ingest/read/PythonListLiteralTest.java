package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonListLiteralTest {

    @Test
    void readsWhatPythonsReprWrites() {
        assertThat(PythonListLiteral.parse("[]")).isEmpty();
        assertThat(PythonListLiteral.parse("['a', 'b']")).containsExactly("a", "b");
        assertThat(PythonListLiteral.parse("[\"it's\"]")).containsExactly("it's");
        assertThat(PythonListLiteral.parse("['it\\'s \"both\"']")).containsExactly("it's \"both\"");
        assertThat(PythonListLiteral.parse("['نه_به_جنگ', 'ایران']")).containsExactly("نه_به_جنگ", "ایران");
        assertThat(PythonListLiteral.parse("['+a/b=', '/c+d==']")).containsExactly("+a/b=", "/c+d==");
    }

    @Test
    void bareNumericIdsAsTheArchiveWritesMentionsAreRead() {
        assertThat(PythonListLiteral.parse("[17034972, 32497985]")).containsExactly("17034972", "32497985");
        assertThat(PythonListLiteral.parse("[12, 'Xk/9a+b=']")).containsExactly("12", "Xk/9a+b=");
        assertThatThrownBy(() -> PythonListLiteral.parse("[12x]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankOrMissingIsTheEmptyList() {
        assertThat(PythonListLiteral.parse(null)).isEmpty();
        assertThat(PythonListLiteral.parse("")).isEmpty();
        assertThat(PythonListLiteral.parse("  ")).isEmpty();
        assertThat(PythonListLiteral.parse(" [ ] ")).isEmpty();
    }

    @Test
    void decodesEscapes() {
        assertThat(PythonListLiteral.parse("['a\\\\b', 'line\\nbreak', 'tab\\there', 'cr\\r']"))
                .containsExactly("a\\b", "line\nbreak", "tab\there", "cr\r");
        assertThat(PythonListLiteral.parse("[u'caf\\xe9', u'\\u0627\\u06cc', '\\U0001F600', '\\N{EM DASH}']"))
                .containsExactly("café", "ای", "\uD83D\uDE00", "—");
        assertThat(PythonListLiteral.parse("['\\101\\0', '\\q stays']")).containsExactly("A\0", "\\q stays");
        assertThat(PythonListLiteral.parse("[r'raw\\d+', b'bytes']")).containsExactly("raw\\d+", "bytes");
    }

    @Test
    void acceptsPythonsLooseSpacingAndTrailingComma() {
        assertThat(PythonListLiteral.parse("[ 'a' ,\n 'b', ]")).containsExactly("a", "b");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "['unterminated]",
                "a, b",
                "['a' 'b']",
                "[a]",
                "['a'] extra",
                "[",
                "['\\x4']",
                "['\\N{NO SUCH NAME}']",
                "[None]",
                "[1.5]",
                "[-]"
            })
    void rejectsWhatIsNotAListOfStrings(String literal) {
        assertThatThrownBy(() -> PythonListLiteral.parse(literal))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Python list literal");
    }
}
