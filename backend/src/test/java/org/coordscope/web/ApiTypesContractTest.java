package org.coordscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The front end's hand-written API types ({@code frontend/src/core/api/types.ts}) against the server's OpenAPI
 * document: every interface named like one of the document's schemas has exactly its fields, so renaming a field
 * of a record the API returns, without the front end, fails the build (and the other way round).
 */
class ApiTypesContractTest extends ApiTestSupport {

    private static final Path TYPES = Path.of("..", "frontend", "src", "core", "api", "types.ts");
    private static final Pattern INTERFACE =
            Pattern.compile("(?m)^export interface (\\w+)(?:<[^>]*>)? \\{\\n(.*?)^}", Pattern.DOTALL);
    /** A field at the interface's own level (two spaces in), optional or not. */
    private static final Pattern FIELD = Pattern.compile("(?m)^  (\\w+)\\??:");

    @Test
    void everyFrontEndTypeNamedLikeAnApiSchemaHasExactlyItsFields() throws IOException {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode schemas =
                new ObjectMapper().readTree(docs.getBody()).path("components").path("schemas");

        Map<String, Set<String>> frontEnd = interfaces(Files.readString(TYPES));
        assertThat(frontEnd).as("interfaces read from " + TYPES).hasSizeGreaterThan(20);
        List<String> compared = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        frontEnd.forEach((name, fields) -> {
            JsonNode schema = schemas.path(name);
            if (schema.isMissingNode()) {
                return; // a type of the front end's own, or a generic the document names per use (Page<T>)
            }
            compared.add(name);
            Set<String> api = new TreeSet<>();
            for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
                api.add(it.next());
            }
            if (!api.equals(fields)) {
                Set<String> onlyApi = new TreeSet<>(api);
                onlyApi.removeAll(fields);
                Set<String> onlyFrontEnd = new TreeSet<>(fields);
                onlyFrontEnd.removeAll(api);
                differences.add(name + ": only in the API " + onlyApi + ", only in types.ts " + onlyFrontEnd);
            }
        });
        assertThat(compared)
                .as("interfaces that the OpenAPI document also defines")
                .hasSizeGreaterThan(10);
        assertThat(differences)
                .as("types.ts against /v3/api-docs (compared: %s)", compared)
                .isEmpty();
    }

    @Test
    void theParserReadsEveryTopLevelFieldAndNoNestedOne() {
        Map<String, Set<String>> read = interfaces("""
                export interface A<T> {
                  id: string;
                  /** a comment */
                  name?: string | null;
                  nested: {
                    inner: number;
                  };
                }
                """);
        assertThat(read).containsOnlyKeys("A");
        assertThat(read.get("A")).containsExactly("id", "name", "nested");
    }

    private static Map<String, Set<String>> interfaces(String source) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(source);
        while (m.find()) {
            Set<String> fields = new TreeSet<>();
            Matcher f = FIELD.matcher(m.group(2));
            while (f.find()) {
                fields.add(f.group(1));
            }
            found.put(m.group(1), fields);
        }
        return found;
    }
}
