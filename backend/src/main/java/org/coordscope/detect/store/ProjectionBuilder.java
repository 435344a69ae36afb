package org.coordscope.detect.store;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.coordscope.detect.pipeline.AccountTraits;
import org.coordscope.detect.pipeline.SignalData;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.NearDuplicateText;
import org.coordscope.detect.signal.ScriptFolding;
import org.coordscope.detect.signal.SignalKind;

/**
 * Turns a dataset's accounts and timed posts into what detection reads ({@link ActionLoader.Loaded}), whoever
 * streams them: {@link ActionLoader} from the store's rows, the importers from the graph they have just written
 * (so that the first run after an import needs no read-back, docs/performance.md). One rule in one place: both
 * give the same rows, so both build the same projection.
 *
 * <p>Use: {@link #account} for every account of the dataset in id order, then {@link #startPosts}, then for each
 * (poster, timed post) pair {@link #post} followed by that post's {@link #retweet}, {@link #link}, {@link #domain},
 * {@link #tag} and {@link #text}, in any order of posts; then {@link #finish}. Nothing depends on the order of the
 * posts: objects, retweeted authors and clients are numbered in key order, texts put in post id order.
 */
public final class ProjectionBuilder {

    private final DetectionOptions options;
    private final SignalData data = new SignalData();
    private final List<Long> created = new ArrayList<>();
    private final List<Long> followers = new ArrayList<>();
    private final List<Boolean> emptyProfile = new ArrayList<>();
    private AccountTraits traits;
    private Map<SignalKind, Keyed> signals;
    private Keyed retweets;
    private Keyed links;
    private Keyed domains;
    private Keyed tags;
    private NearDuplicateText near;
    private List<String> textIds;
    private Long2IntOpenHashMap clientPosts;
    private Object2IntOpenHashMap<String> clientIndex;
    private long posts;
    private boolean seconds;

    /** Builds the signals {@code options} enables; near-text signed with its options. */
    public ProjectionBuilder(DetectionOptions options) {
        this.options = options;
    }

    /** The defaults with every signal on: what an import keeps, so that any later run can use it. */
    public static DetectionOptions everySignalOptions() {
        DetectionOptions options = DetectionOptions.defaults();
        for (SignalKind k : SignalKind.values()) {
            options = options.withSignal(options.signal(k).withEnabled(true));
        }
        return options;
    }

    /** Every signal, near-text signed with the default options. */
    public static ProjectionBuilder everySignal() {
        return new ProjectionBuilder(everySignalOptions());
    }

    public boolean wants(SignalKind kind) {
        return options.signal(kind).enabled();
    }

    /** An account of the dataset (call in id order); returns its dense id. Nulls: not known. */
    public int account(String id, Long createdEpochSeconds, Long followerCount, String description) {
        if (traits != null) {
            throw new IllegalStateException("accounts come before the posts");
        }
        int a = data.account(id);
        created.add(createdEpochSeconds == null ? Long.MIN_VALUE : createdEpochSeconds);
        followers.add(followerCount == null ? -1 : followerCount);
        emptyProfile.add(description == null || description.isBlank());
        return a;
    }

    /** The dense id of an account given to {@link #account}, or -1. */
    public int accountIndex(String id) {
        return data.accountIndex.getInt(id);
    }

    /** Ends the accounts and (re)starts the posts: what was built of posts before is dropped (a retried read). */
    public void startPosts() {
        if (traits == null) {
            traits = new AccountTraits(data.accountIds.size());
            for (int a = 0; a < traits.size(); a++) {
                traits.created[a] = created.get(a);
                traits.followers[a] = followers.get(a);
                traits.emptyProfile[a] = emptyProfile.get(a);
            }
        }
        signals = new EnumMap<>(SignalKind.class);
        for (SignalKind k : SignalKind.values()) {
            if (k != SignalKind.NEAR_TEXT && wants(k)) {
                signals.put(k, new Keyed());
            }
        }
        retweets = signals.get(SignalKind.CO_RETWEET);
        links = signals.get(SignalKind.CO_LINK);
        domains = signals.get(SignalKind.CO_DOMAIN);
        tags = signals.get(SignalKind.CO_HASHTAG);
        near = wants(SignalKind.NEAR_TEXT) ? new NearDuplicateText(options.nearText()) : null;
        textIds = new ArrayList<>();
        data.actions.clear();
        data.objectKeys.clear();
        data.retweetedAuthor.clear();
        data.retweetedTime.clear();
        data.authorIndex.clear();
        data.authorIds.clear();
        Arrays.fill(traits.posts, 0);
        Arrays.fill(traits.retweets, 0);
        clientPosts = new Long2IntOpenHashMap();
        clientIndex = new Object2IntOpenHashMap<>();
        clientIndex.defaultReturnValue(-1);
        traits.clients.clear();
        posts = 0;
        seconds = false;
    }

    /** A timed post of {@code account} ({@code original}: not a retweet); its objects follow. */
    public void post(int account, long time, String client, boolean original) {
        seconds |= Math.floorMod(time, 60) != 0;
        traits.posts[account]++;
        if (client != null && !client.isEmpty()) {
            int c = clientIndex.getInt(client);
            if (c < 0) {
                c = traits.clients.size();
                clientIndex.put(client, c);
                traits.clients.add(client);
            }
            clientPosts.addTo((long) account << 20 | c, 1);
        }
        if (!original) {
            traits.retweets[account]++;
        }
        posts++;
    }

    /** The post retweets {@code originalId}, posted at {@code originalTime} ({@link Long#MIN_VALUE}: unknown). */
    public void retweet(int account, long time, String originalId, long originalTime, String originalAuthor) {
        if (retweets == null) {
            return;
        }
        int before = retweets.keys.size();
        if (retweets.add(account, originalId, time) == before) {
            data.retweetedAuthor.add(originalAuthor == null ? -1 : data.author(originalAuthor));
            data.retweetedTime.add(originalTime);
        }
    }

    /** An original post's link (its normalised URL). */
    public void link(int account, long time, String url) {
        if (links != null) {
            links.add(account, url, time);
        }
    }

    public void domain(int account, long time, String domain) {
        if (domains != null) {
            domains.add(account, domain, time);
        }
    }

    /** An original post's hashtag as the store keeps it (case-folded); script folding applies here. */
    public void tag(int account, long time, String tag) {
        if (tags != null) {
            String key = ScriptFolding.hashtagKey(tag);
            if (!key.isEmpty()) {
                tags.add(account, key, time);
            }
        }
    }

    /** An original post's text, for near-text. */
    public void text(int account, long time, String postId, String text) {
        if (near != null && text != null && near.add(account, time, text) >= 0) {
            textIds.add(postId);
        }
    }

    /** The posts given so far, for progress. */
    public long posts() {
        return posts;
    }

    /** What detection reads; the builder is spent. */
    public ActionLoader.Loaded finish() {
        if (traits == null) {
            startPosts();
        }
        data.resolutionSeconds = posts > 0 && !seconds ? 60 : 1;
        for (Map.Entry<SignalKind, Keyed> en : signals.entrySet()) {
            int[] rank = en.getValue().numberInKeyOrder();
            data.actions.put(en.getKey(), en.getValue().actions);
            data.objectKeys.put(en.getKey(), en.getValue().keys);
            if (en.getKey() == SignalKind.CO_RETWEET) { // the retweeted tweets' authors and times follow
                data.retweetedAuthor.setElements(permute(data.retweetedAuthor.toIntArray(), rank));
                data.retweetedTime.setElements(permute(data.retweetedTime.toLongArray(), rank));
            }
        }
        data.numberAuthorsInIdOrder();
        ActionLoader.Texts texts = near == null ? null : inPostIdOrder(near, textIds);
        numberClientsInNameOrder();
        ActionLoader.mostUsedClients(traits, clientPosts, IntUnaryOperator.identity());
        for (int i = 0; i < traits.size(); i++) {
            if (traits.posts[i] == 0) { // known only as an author or a mention: no traits, as from the files
                traits.created[i] = Long.MIN_VALUE;
                traits.followers[i] = -1;
                traits.emptyProfile[i] = false;
            }
        }
        return new ActionLoader.Loaded(data, traits, texts, posts);
    }

    /**
     * Clients in name order, so that an account's tie between two equally used clients goes to the same one
     * whatever order its posts were streamed in.
     */
    private void numberClientsInNameOrder() {
        int[] rank = SignalData.ranks(traits.clients);
        List<String> sorted = SignalData.inRankOrder(traits.clients, rank);
        traits.clients.clear();
        traits.clients.addAll(sorted);
        Long2IntOpenHashMap renumbered = new Long2IntOpenHashMap(clientPosts.size());
        clientPosts.long2IntEntrySet().forEach(e -> {
            long key = e.getLongKey();
            renumbered.put(key & ~0xFFFFFL | rank[(int) (key & 0xFFFFF)], e.getIntValue());
        });
        clientPosts = renumbered;
    }

    /** {@code values} with the value at {@code i} moved to {@code rank[i]}. */
    private static int[] permute(int[] values, int[] rank) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[rank[i]] = values[i];
        }
        return out;
    }

    private static long[] permute(long[] values, int[] rank) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[rank[i]] = values[i];
        }
        return out;
    }

    /**
     * Clusters are numbered, and a boilerplate bucket anchored, by the order texts were added: this puts them in
     * post id order, whatever order they were streamed in (and the order the files path reads them in).
     */
    private static ActionLoader.Texts inPostIdOrder(NearDuplicateText near, List<String> postIds) {
        int[] order = new int[postIds.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        IntArrays.quickSort(order, (x, y) -> postIds.get(x).compareTo(postIds.get(y)));
        near.reorder(order);
        List<String> sortedIds = new ArrayList<>(order.length);
        for (int i : order) {
            sortedIds.add(postIds.get(i));
        }
        return new ActionLoader.Texts(near, sortedIds);
    }

    /** Keyed objects of one signal: dense id per key, in first-seen order until {@link #numberInKeyOrder}. */
    private static final class Keyed {
        final Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
        List<String> keys = new ArrayList<>();
        Actions actions = new Actions();

        Keyed() {
            index.defaultReturnValue(-1);
        }

        /**
         * Renumbers the objects in key order, so that what breaks ties by object number (evidence, reasons) does
         * not depend on the order the posts were streamed in. Returns the new number of each old one.
         */
        int[] numberInKeyOrder() {
            int[] rank = SignalData.ranks(keys);
            keys = SignalData.inRankOrder(keys, rank);
            Actions renumbered = new Actions(actions.size());
            for (int i = 0; i < actions.size(); i++) {
                renumbered.add(actions.account(i), rank[actions.object(i)], actions.time(i));
            }
            actions = renumbered;
            index.clear();
            return rank;
        }

        /** Adds the action; returns the object's dense id, which equals the object count before when it is new. */
        int add(int account, String key, long time) {
            int o = index.getInt(key);
            if (o < 0) {
                o = keys.size();
                index.put(key, o);
                keys.add(key);
            }
            actions.add(account, o, time);
            return o;
        }
    }
}
