package org.coordscope.detect.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The account traits that scoring uses (never edges), for every account in the run's id space, in
 * primitive arrays: creation time, followers, empty profile, posts, retweets and most used client.
 */
public final class AccountTraits {

    /** An account with fewer followers than this counts as "few followers". */
    public static final long FEW_FOLLOWERS = 100;

    public final long[] created;
    public final long[] followers;
    public final boolean[] emptyProfile;
    public final int[] posts;
    public final int[] retweets;
    public final int[] client;
    public final List<String> clients = new ArrayList<>();

    public AccountTraits(int n) {
        created = new long[n];
        followers = new long[n];
        emptyProfile = new boolean[n];
        posts = new int[n];
        retweets = new int[n];
        client = new int[n];
        Arrays.fill(created, Long.MIN_VALUE);
        Arrays.fill(followers, -1);
        Arrays.fill(client, -1);
    }

    public int size() {
        return created.length;
    }

    public double retweetRatio(int a) {
        return posts[a] == 0 ? 0 : (double) retweets[a] / posts[a];
    }

    public boolean fewFollowers(int a) {
        return followers[a] >= 0 && followers[a] < FEW_FOLLOWERS;
    }
}
