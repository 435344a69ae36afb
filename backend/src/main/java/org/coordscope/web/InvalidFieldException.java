package org.coordscope.web;

/**
 * A value the client sent is wrong: answered 400 with the message and, in {@code errors}, the field it names
 * ({@code [{"field": "resolution", "message": "must be positive: -1.0"}]}). Thrown also where no HTTP is involved
 * (the CLI shows the message).
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
