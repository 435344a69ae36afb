package org.coordscope.web;

import java.util.List;

/** Every list the API answers: {@code {items, total, page, size}}. */
public record Page<T>(List<T> items, long total, int page, int size) {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 500;

    /** The page size when the client names none. */
    public static final int DEFAULT_SIZE = 50;

    /** A complete list as one page. */
    public static <T> Page<T> of(List<T> all) {
        return new Page<>(all, all.size(), 0, all.size());
    }

    /** One page cut from a complete list. */
    public static <T> Page<T> slice(List<T> all, Request request) {
        int from = (int) Math.min(all.size(), request.skip());
        int to = (int) Math.min(all.size(), (long) from + request.size());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), request.page(), request.size());
    }

    /**
     * A requested page: {@code page} 0-based, {@code size} 1..{@value #MAX_SIZE}; null means the default.
     * Out-of-range values are refused with a message naming the parameter.
     */
    public record Request(int page, int size) {

        public static Request of(Integer page, Integer size) {
            return of(page, size, "page", "size");
        }

        /** The same, naming the parameters as the endpoint calls them (e.g. memberPage, memberSize). */
        public static Request of(Integer page, Integer size, String pageName, String sizeName) {
            int p = page == null ? 0 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 0) {
                throw new IllegalArgumentException(pageName + " must be 0 or more (0 is the first page); got " + p);
            }
            if (s < 1 || s > MAX_SIZE) {
                throw new IllegalArgumentException(sizeName + " must be between 1 and " + MAX_SIZE + "; got " + s);
            }
            return new Request(p, s);
        }

        public long skip() {
            return (long) page * size;
        }

        public <T> Page<T> answer(List<T> items, long total) {
            return new Page<>(items, total, page, size);
        }
    }
}
