package org.coordscope.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyReprTest {

    @Test
    void writesListsAsPythonRepr() {
        assertThat(PyRepr.strings(List.of())).isEqualTo("[]");
        assertThat(PyRepr.strings(List.of("a", "b"))).isEqualTo("['a', 'b']");
        assertThat(PyRepr.strings(List.of("it's"))).isEqualTo("[\"it's\"]");
        assertThat(PyRepr.strings(List.of("say \"hi\" it's"))).isEqualTo("['say \"hi\" it\\'s']");
        assertThat(PyRepr.strings(List.of("back\\slash", "line\nbreak")))
                .isEqualTo("['back\\\\slash', 'line\\nbreak']");
        assertThat(PyRepr.strings(List.of("https://www.bbc.co.uk/news?utm_source=twitter")))
                .isEqualTo("['https://www.bbc.co.uk/news?utm_source=twitter']");
    }

    @Test
    void writesNumericIdsBareAndHashedIdsQuoted() {
        assertThat(PyRepr.ids(List.of("12345", "+AbC/9xyz="))).isEqualTo("[12345, '+AbC/9xyz=']");
        assertThat(PyRepr.ids(List.of("007"))).isEqualTo("['007']");
    }
}
