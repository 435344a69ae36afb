package org.coordscope.web;

/** A score threshold taken from a request: absent, or a number from 0 to 1. */
public final class ScoreParam {

    private ScoreParam() {}

    /** {@code value} itself; NaN, an infinity or a number outside 0–1 is refused naming {@code field}. */
    public static Double check(String field, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new InvalidFieldException(field, "must be a number from 0 to 1 (got " + value + ")");
        }
        return value;
    }
}
