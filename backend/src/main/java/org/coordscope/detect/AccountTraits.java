package org.coordscope.detect;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;

/**
 * The account traits that scoring uses (never edges), for every account in the run's id space, in
 * primitive arrays: creation time, followers, empty profile, posts, retweets and most used client.
 */
final class AccountTraits {

    static final String QUERY = """
            MATCH (a:Account {dataset: $dataset})-[:POSTED]->(t:Tweet)
            WHERE t.createdAt IS NOT NULL
            RETURN a.id AS id, a.createdAt.epochSeconds AS created, a.followers AS followers,
                   a.description AS description, t.client AS client,
                   count(t) AS posts, count(t.isRetweet) AS retweets
            """;

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

    static AccountTraits load(Driver driver, String dataset, SignalData data) {
        int n = data.accountIds.size();
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                AccountTraits t = new AccountTraits(n);
                int[] clientPosts = new int[n];
                Object2IntOpenHashMap<String> clientIndex = new Object2IntOpenHashMap<>();
                clientIndex.defaultReturnValue(-1);
                Result result = tx.run(QUERY, Map.of("dataset", dataset));
                while (result.hasNext()) {
                    Record r = result.next();
                    int a = data.accountIndex.getInt(r.get("id").asString());
                    if (a < 0) {
                        continue;
                    }
                    if (!r.get("created").isNull()) {
                        t.created[a] = r.get("created").asLong();
                    }
                    if (!r.get("followers").isNull()) {
                        t.followers[a] = r.get("followers").asLong();
                    }
                    String description = r.get("description").asString(null);
                    t.emptyProfile[a] = description == null || description.isBlank();
                    int p = (int) r.get("posts").asLong();
                    t.posts[a] += p;
                    t.retweets[a] += (int) r.get("retweets").asLong();
                    String c = r.get("client").asString(null);
                    if (c != null && p > clientPosts[a]) {
                        int ci = clientIndex.getInt(c);
                        if (ci < 0) {
                            ci = t.clients.size();
                            clientIndex.put(c, ci);
                            t.clients.add(c);
                        }
                        clientPosts[a] = p;
                        t.client[a] = ci;
                    }
                }
                return t;
            });
        }
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
