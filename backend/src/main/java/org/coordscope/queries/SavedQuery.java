package org.coordscope.queries;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.web.InvalidFieldException;

/**
 * One saved query of the catalogue, read from a {@code cypher/queries/NAME.cypher} file whose leading
 * {@code //} comment lines are its header:
 * <pre>
 * // title: Top amplifiers of a hashtag
 * // description: Accounts that used a hashtag most in a time range.
 * // param: tag string -- the hashtag, without #
 * // param: from datetime = 2000-01-01T00:00:00Z -- start of the range (UTC)
 * // param: dataset string = null -- the dataset (any when left out)
 * // returns: graph            (optional: the UI opens the result as a graph first)
 * MATCH ...
 * </pre>
 * A parameter without {@code =} is required; {@code = null} makes it optional and null. Types: string, int,
 * float, datetime (ISO-8601, or a date meaning its midnight UTC), boolean. The name is the file's name.
 */
public record SavedQuery(
        String name,
        String title,
        String description,
        List<Parameter> parameters,
        boolean returnsGraph,
        String cypher) {

    public static final List<String> TYPES = List.of("string", "int", "float", "datetime", "boolean");

    private static final Pattern HEADER = Pattern.compile("^//\\s*(title|description|param|returns):\\s*(.*)$");
    private static final Pattern PARAM =
            Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s+(\\w+)\\s*(?:=\\s*(.*?))?\\s*(?:--\\s*(.*))?$");

    /** A typed parameter; {@code defaultValue} is null for a required one (unless {@code optional}). */
    public record Parameter(
            String name,
            String type,
            @JsonProperty("default") Object defaultValue,
            boolean required,
            String description) {}

    /** Parses a query file; refuses a header it cannot read with the file's name and the line. */
    public static SavedQuery parse(String name, String text) {
        String title = name;
        StringBuilder description = new StringBuilder();
        List<Parameter> parameters = new ArrayList<>();
        List<String> body = new ArrayList<>();
        boolean inHeader = true;
        boolean graph = false;
        for (String line : text.split("\\R")) {
            Matcher h = HEADER.matcher(line.strip());
            if (inHeader && h.matches()) {
                String value = h.group(2).strip();
                switch (h.group(1)) {
                    case "title" -> title = value;
                    case "description" ->
                        description.append(description.isEmpty() ? "" : " ").append(value);
                    case "returns" -> graph = value.equals("graph");
                    default -> parameters.add(parameter(name, value));
                }
            } else if (inHeader && line.strip().startsWith("//")) {
                String more = line.strip().substring(2).strip();
                if (!more.isEmpty() && !description.isEmpty()) {
                    description.append(' ').append(more);
                }
            } else {
                inHeader = inHeader && line.isBlank();
                body.add(line);
            }
        }
        String cypher = String.join("\n", body).strip();
        if (cypher.endsWith(";")) {
            cypher = cypher.substring(0, cypher.length() - 1);
        }
        if (cypher.isEmpty()) {
            throw new IllegalStateException("Saved query " + name + " has no Cypher after its header");
        }
        return new SavedQuery(name, title, description.toString(), List.copyOf(parameters), graph, cypher);
    }

    private static Parameter parameter(String query, String spec) {
        Matcher m = PARAM.matcher(spec);
        if (!m.matches() || !TYPES.contains(m.group(2))) {
            throw new IllegalStateException("Saved query " + query + ": cannot read 'param: " + spec
                    + "'; write 'param: NAME TYPE [= DEFAULT] [-- description]' with TYPE one of " + TYPES);
        }
        String type = m.group(2);
        String def = m.group(3);
        boolean required = def == null;
        Object value = required || def.equals("null") ? null : convert(query, m.group(1), type, def);
        return new Parameter(
                m.group(1),
                type,
                value,
                required,
                m.group(4) == null ? "" : m.group(4).strip());
    }

    /**
     * The Cypher parameters for a run: the given values converted to their declared types, defaults for the rest.
     * Refuses unknown names, missing required values and values of the wrong type, naming the parameter.
     */
    public Map<String, Object> bind(Map<String, Object> given) {
        Map<String, Object> values = given == null ? Map.of() : given;
        Map<String, Parameter> byName = new LinkedHashMap<>();
        parameters.forEach(p -> byName.put(p.name(), p));
        for (String key : values.keySet()) {
            if (!byName.containsKey(key)) {
                throw new InvalidFieldException(
                        "params." + key,
                        "Query " + name + " has no parameter '" + key + "'; it takes "
                                + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> bound = new HashMap<>();
        for (Parameter p : parameters) {
            Object v = values.get(p.name());
            if (v == null || (v instanceof String s && s.isBlank() && !p.type().equals("string"))) {
                if (p.required()) {
                    throw new InvalidFieldException(
                            "params." + p.name(),
                            "Parameter '" + p.name() + "' of query " + name
                                    + " is required (" + p.type()
                                    + (p.description().isEmpty() ? "" : ": " + p.description())
                                    + ")");
                }
                bound.put(p.name(), p.defaultValue());
            } else {
                bound.put(p.name(), convert(name, p.name(), p.type(), v));
            }
        }
        return bound;
    }

    private static Object convert(String query, String param, String type, Object v) {
        String text = String.valueOf(v).strip();
        try {
            return switch (type) {
                case "string" -> String.valueOf(v);
                case "int" ->
                    v instanceof Number n && n.doubleValue() == n.longValue() ? n.longValue() : Long.parseLong(text);
                case "float" -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                case "boolean" ->
                    switch (text.toLowerCase(Locale.ROOT)) {
                        case "true" -> true;
                        case "false" -> false;
                        default -> throw new NumberFormatException();
                    };
                default -> datetime(text);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidFieldException(
                    "params." + param,
                    "Parameter '" + param + "' of query " + query + " must be "
                            + switch (type) {
                                case "int" -> "a whole number";
                                case "float" -> "a number";
                                case "boolean" -> "true or false";
                                default ->
                                    "an ISO-8601 date-time such as 2021-03-01T00:00:00Z, or a date such as 2021-03-01";
                            }
                            + "; got '" + text + "'");
        }
    }

    private static ZonedDateTime datetime(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC);
        }
        return ZonedDateTime.parse(text).withZoneSameInstant(ZoneOffset.UTC);
    }
}
