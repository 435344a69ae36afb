package org.coordscope.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The account traits that scoring uses (never edges), for every account in the run's id space, in
 * primitive arrays: creation time, followers, empty profile, posts, retweets and most used client.
 */
final class AccountTraits {

    /** An account with fewer followers than this counts as "few followers". */
    static final long FEW_FOLLOWERS = 100;

    final long[] created;
    final long[] followers;
    final boolean[] emptyProfile;
    final int[] posts;
    final int[] retweets;
    final int[] client;
    final List<String> clients = new ArrayList<>();

    AccountTraits(int n) {
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

    int size() {
        return created.length;
    }

    double retweetRatio(int a) {
        return posts[a] == 0 ? 0 : (double) retweets[a] / posts[a];
    }

    boolean fewFollowers(int a) {
        return followers[a] >= 0 && followers[a] < FEW_FOLLOWERS;
    }
}
