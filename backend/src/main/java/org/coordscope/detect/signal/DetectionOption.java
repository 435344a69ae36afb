package org.coordscope.detect.signal;

/**
 * One detection option described as data, so that the CLI, the REST API and the UI list the same
 * options with the same defaults (Gephi Lite's metric descriptions do the same).
 *
 * @param id stable dotted id, e.g. {@code co-retweet.window}
 * @param type the value's type
 * @param defaultValue the default, a {@link Boolean}, {@link Long} or {@link Double}
 * @param description one or two sentences for a help text or a tooltip
 */
public record DetectionOption(String id, Type type, Object defaultValue, String description) {

    /** Value types an option can have. */
    public enum Type {
        BOOLEAN,
        INTEGER,
        NUMBER
    }
}
