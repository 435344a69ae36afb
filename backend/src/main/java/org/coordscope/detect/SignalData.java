package org.coordscope.detect;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.SignalKind;

/**
 * What a run read from Neo4j: the dense account ids shared by all signals, and per signal its actions and
 * the real key of each dense object id (tweet id, URL, tag, a text snippet), so evidence names real things.
 */
final class SignalData {

    final Object2IntOpenHashMap<String> accountIndex = new Object2IntOpenHashMap<>();
    final List<String> accountIds = new ArrayList<>();
    final Map<SignalKind, Actions> actions = new EnumMap<>(SignalKind.class);
    final Map<SignalKind, List<String>> objectKeys = new EnumMap<>(SignalKind.class);
    /** Co-retweet only: per retweeted tweet, the dense id of its author, or -1 when unknown. */
    final IntArrayList retweetedAuthor = new IntArrayList();
    /** Authors of retweeted posts who never acted themselves: named, but not in the account id space of edges. */
    final Object2IntOpenHashMap<String> authorIndex = new Object2IntOpenHashMap<>();
    final List<String> authorIds = new ArrayList<>();
    int resolutionSeconds = 1;

    SignalData() {
        accountIndex.defaultReturnValue(-1);
        authorIndex.defaultReturnValue(-1);
    }

    int account(String id) {
        int i = accountIndex.getInt(id);
        if (i < 0) {
            i = accountIds.size();
            accountIndex.put(id, i);
            accountIds.add(id);
        }
        return i;
    }

    int author(String id) {
        int i = authorIndex.getInt(id);
        if (i < 0) {
            i = authorIds.size();
            authorIndex.put(id, i);
            authorIds.add(id);
        }
        return i;
    }

    String objectKey(SignalKind kind, int object) {
        List<String> keys = objectKeys.get(kind);
        return keys == null || object < 0 || object >= keys.size() ? String.valueOf(object) : keys.get(object);
    }
}
