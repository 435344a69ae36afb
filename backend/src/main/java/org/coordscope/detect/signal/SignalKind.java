package org.coordscope.detect.signal;

/**
 * The kinds of co-action that join two accounts in the coordination graph. Each is a bipartite
 * account × object relation with times; only the meaning of "object" differs.
 */
public enum SignalKind {
    /** Object: the retweeted tweet. Two accounts retweet the same tweet within the window. */
    CO_RETWEET("co-retweet"),
    /** Object: a normalised URL. Two accounts post the same link within the window. */
    CO_LINK("co-link"),
    /** Object: the domain of a shared link. Coarser than {@link #CO_LINK} and implied by it. */
    CO_DOMAIN("co-domain"),
    /** Object: a case-folded hashtag. Two accounts push the same hashtag within the window. */
    CO_HASHTAG("co-hashtag"),
    /** Object: a cluster of near-duplicate texts from {@link NearDuplicateText}. */
    NEAR_TEXT("near-text");

    private final String id;

    SignalKind(String id) {
        this.id = id;
    }

    /** Stable lower-case id used in option ids, JSON and the CLI, e.g. {@code co-retweet}. */
    public String id() {
        return id;
    }

    /** The kind whose {@link #id()} is {@code id}. */
    public static SignalKind fromId(String id) {
        for (SignalKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown signal: " + id);
    }
}
