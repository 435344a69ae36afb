package org.coordscope.detect.pipeline;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.SignalKind;

/**
 * What a run read from Neo4j: the dense account ids shared by all signals, and per signal its actions and
 * the real key of each dense object id (tweet id, URL, tag, a text snippet), so evidence names real things.
 */
public final class SignalData {

    public final Object2IntOpenHashMap<String> accountIndex = new Object2IntOpenHashMap<>();
    public final List<String> accountIds = new ArrayList<>();
    public final Map<SignalKind, Actions> actions = new EnumMap<>(SignalKind.class);
    public final Map<SignalKind, List<String>> objectKeys = new EnumMap<>(SignalKind.class);
    /** Co-retweet only: per retweeted tweet, the dense id of its author, or -1 when unknown. */
    public final IntArrayList retweetedAuthor = new IntArrayList();
    /** Co-retweet only: per retweeted tweet, when it was posted (epoch seconds), or {@link Long#MIN_VALUE}. */
    public final LongArrayList retweetedTime = new LongArrayList();
    /** Per account: its retweets whose original's time is known, and those made within {@link #QUICK_SECONDS}. */
    public int[] timedRetweets = new int[0];

    public int[] quickRetweets = new int[0];
    /** Authors of retweeted posts who never acted themselves: named, but not in the account id space of edges. */
    public final Object2IntOpenHashMap<String> authorIndex = new Object2IntOpenHashMap<>();

    public final List<String> authorIds = new ArrayList<>();
    public int resolutionSeconds = 1;

    /** A retweet this soon after the original is a quick reaction (a reaction-delay trait in scoring). */
    public static final long QUICK_SECONDS = 10 * 60;

    public SignalData() {
        accountIndex.defaultReturnValue(-1);
        authorIndex.defaultReturnValue(-1);
    }

    public int account(String id) {
        int i = accountIndex.getInt(id);
        if (i < 0) {
            i = accountIds.size();
            accountIndex.put(id, i);
            accountIds.add(id);
        }
        return i;
    }

    public int author(String id) {
        int i = authorIndex.getInt(id);
        if (i < 0) {
            i = authorIds.size();
            authorIndex.put(id, i);
            authorIds.add(id);
        }
        return i;
    }

    /**
     * Renumbers the retweeted authors in id order (as the accounts are), so that ties between authors in reasons
     * do not depend on the order they were first seen in.
     */
    public void numberAuthorsInIdOrder() {
        int[] rank = ranks(authorIds);
        List<String> sorted = inRankOrder(authorIds, rank);
        authorIds.clear();
        authorIndex.clear();
        sorted.forEach(this::author);
        for (int i = 0; i < retweetedAuthor.size(); i++) {
            int a = retweetedAuthor.getInt(i);
            if (a >= 0) {
                retweetedAuthor.set(i, rank[a]);
            }
        }
    }

    /** Each key's place among the keys sorted (keys distinct). */
    public static int[] ranks(List<String> keys) {
        int[] order = new int[keys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        IntArrays.quickSort(order, (x, y) -> keys.get(x).compareTo(keys.get(y)));
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    /** The keys put at their {@link #ranks}. */
    public static List<String> inRankOrder(List<String> keys, int[] rank) {
        String[] sorted = new String[keys.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[rank[i]] = keys.get(i);
        }
        return new ArrayList<>(Arrays.asList(sorted));
    }

    /**
     * Counts each account's retweets with a known original time and the quick ones among them, from the
     * co-retweet actions (before the graph build consumes them).
     */
    public void countReactionDelays() {
        timedRetweets = new int[accountIds.size()];
        quickRetweets = new int[accountIds.size()];
        Actions rt = actions.get(SignalKind.CO_RETWEET);
        if (rt == null) {
            return;
        }
        for (int i = 0; i < rt.size(); i++) {
            int o = rt.object(i);
            long original = o < retweetedTime.size() ? retweetedTime.getLong(o) : Long.MIN_VALUE;
            if (original != Long.MIN_VALUE) {
                int a = rt.account(i);
                timedRetweets[a]++;
                long delay = rt.time(i) - original;
                if (delay >= 0 && delay <= QUICK_SECONDS) {
                    quickRetweets[a]++;
                }
            }
        }
    }

    /** The account's share of quick retweets among those with a known original time (0 when none). */
    public double quickShare(int account) {
        return account >= timedRetweets.length || timedRetweets[account] == 0
                ? 0
                : (double) quickRetweets[account] / timedRetweets[account];
    }

    public String objectKey(SignalKind kind, int object) {
        List<String> keys = objectKeys.get(kind);
        return keys == null || object < 0 || object >= keys.size() ? String.valueOf(object) : keys.get(object);
    }
}
