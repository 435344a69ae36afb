package org.coordscope.web;

import java.util.List;

/** Every list the API answers: {@code {items, total, page, size}}. */
public record Page<T>(List<T> items, long total, int page, int size) {

    /** A complete list as one page. */
    public static <T> Page<T> of(List<T> all) {
        return new Page<>(all, all.size(), 0, all.size());
    }
}
