package org.coordscope.generate;

import java.util.Locale;

/**
 * How a planted group behaves, the label {@code truth.csv} and {@code groups.csv} give it, so that accuracy can
 * be measured per kind of army (issue 14).
 */
public enum GroupKind {
    /** Retweets, replies, texts and links, all members within the same or the adjacent minute. */
    FAST,
    /** The same mix, each wave spread over 10–20 minutes, 1–15 minutes after the post it amplifies. */
    SPREAD,
    /** The same mix, members reacting 10–30 minutes after the post (or the wave's start), each at its own delay. */
    SLOW,
    /** One hashtag pushed in bursts of original posts with varied Persian texts and keyboard respellings. */
    CAMPAIGN,
    /** The same Persian lines pasted in burst after burst, respelled by each member's keyboard. */
    COPY_PASTE,
    /** 8–15 accounts acting like a fast group. */
    SMALL;

    /** The label in the truth files: {@code fast}, {@code copy-paste}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether members act within the same or the adjacent minute of each other. */
    boolean fast() {
        return this == FAST || this == SMALL;
    }
}
