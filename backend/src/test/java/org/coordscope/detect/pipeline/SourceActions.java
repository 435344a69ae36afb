package org.coordscope.detect.pipeline;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.NearDuplicateClusters;
import org.coordscope.detect.signal.NearDuplicateText;
import org.coordscope.detect.signal.SignalKind;
import org.coordscope.detect.store.ActionLoader;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.SourceFormat;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.coordscope.ingest.read.Urls;
import org.coordscope.ingest.write.HandOffSink;

/**
 * The actions and account traits of a run read straight from source files, without Neo4j: the same canonical
 * records the importer writes ({@link org.coordscope.ingest.SourceReader}) become the same {@link SignalData}
 * and {@link AccountTraits} that {@link ActionLoader} reads back from the
 * store, so graph building, communities and scoring ({@link DetectionPipeline}) run the one code path. Used by
 * the accuracy and performance benchmarks on generated worlds of millions of tweets, where an import through
 * Bolt would dominate the measurement.
 *
 * <p>What the store would do is done here: a post id seen twice counts once, URLs are normalised
 * ({@link Urls#normalize}), hashtags case-folded, links, tags and texts are taken from non-retweets only,
 * accounts get dense ids in id order (posters, authors of retweeted and replied posts, mentioned accounts),
 * near-duplicate texts are clustered in file order (the store's path uses post id order: the same for files sorted by id, as generated ones are). Differences: the author of a retweeted post is known
 * only when the retweet row names it, and the original's time only when the original is a row of the files.
 */
public final class SourceActions implements RecordSink {

    private final DetectionOptions options;
    private final SignalData data = new SignalData();
    private final Map<SignalKind, Object2IntOpenHashMap<String>> objectIndex = new EnumMap<>(SignalKind.class);
    private final Map<SignalKind, List<String>> keys = new EnumMap<>(SignalKind.class);
    private final List<String> retweetedAuthorId = new ArrayList<>();
    /** 64-bit hashes of post ids already seen (duplicates count once), and of originals with their times. */
    private final LongOpenHashSet seenPosts = new LongOpenHashSet();

    private final Long2LongOpenHashMap originalTime = new Long2LongOpenHashMap();
    private final LongArrayList retweetedHash = new LongArrayList();
    /** Texts go straight to MinHash, in file order (null when near-text is off). */
    private final NearDuplicateText near;

    private final List<String> snippets = new ArrayList<>();
    // per account (dense ids in first-seen order until finish())
    private final LongArrayList created = new LongArrayList();
    private final LongArrayList followers = new LongArrayList();
    private final List<Boolean> described = new ArrayList<>();
    private final IntArrayList posts = new IntArrayList();
    private final IntArrayList retweets = new IntArrayList();
    private final Long2IntOpenHashMap clientPosts = new Long2IntOpenHashMap();
    private final Object2IntOpenHashMap<String> clientIndex = new Object2IntOpenHashMap<>();
    private final List<String> clients = new ArrayList<>();
    private long badRows;
    private long postCount;
    private boolean seconds;

    SourceActions(DetectionOptions options) {
        this.options = options;
        clientIndex.defaultReturnValue(-1);
        near = options.signal(SignalKind.NEAR_TEXT).enabled() ? new NearDuplicateText(options.nearText()) : null;
        for (SignalKind k : SignalKind.values()) {
            if (options.signal(k).enabled() && k != SignalKind.NEAR_TEXT) {
                Object2IntOpenHashMap<String> m = new Object2IntOpenHashMap<>();
                m.defaultReturnValue(-1);
                objectIndex.put(k, m);
                keys.put(k, new ArrayList<>());
                data.actions.put(k, new Actions());
            }
        }
    }

    /**
     * Reads {@code files} of {@code format} (with the column mapping, for the shares format). Parsing runs on the
     * calling thread and the actions are taken on another ({@link HandOffSink}): each is about half the work.
     */
    public static SourceActions read(
            SourceFormat format, String mapping, List<ImportFile> files, DetectionOptions options) throws IOException {
        SourceActions sink = new SourceActions(options);
        try (HandOffSink handOff = new HandOffSink(sink, "source-actions")) {
            format.reader(mapping).read(files, handOff);
            handOff.finish();
        }
        return sink;
    }

    @Override
    public void account(AccountRecord account) {
        profile(account);
    }

    @Override
    public void post(PostRecord post) {
        if (!seenPosts.add(hash(post.id()))) {
            return;
        }
        postCount++;
        int a = profile(post.author());
        long time = post.createdAt().getEpochSecond();
        seconds |= Math.floorMod(time, 60) != 0;
        boolean isRetweet = post.retweetOf() != null && !post.retweetOf().isBlank();
        posts.set(a, posts.getInt(a) + 1);
        if (post.client() != null && !post.client().isEmpty()) {
            int c = clientIndex.getInt(post.client());
            if (c < 0) {
                c = clients.size();
                clientIndex.put(post.client(), c);
                clients.add(post.client());
            }
            clientPosts.addTo((long) a << 20 | c, 1);
        }
        reference(post.retweetOfAuthor());
        reference(post.replyToAuthor());
        post.mentionIds().forEach(this::reference);
        if (isRetweet) {
            retweets.set(a, retweets.getInt(a) + 1);
            String original = post.retweetOf().strip();
            int o = add(SignalKind.CO_RETWEET, a, original, time);
            if (o == retweetedAuthorId.size()) {
                String author = post.retweetOfAuthor();
                retweetedAuthorId.add(author == null || author.isBlank() ? null : author.strip());
                retweetedHash.add(hash(original));
            }
            return;
        }
        originalTime.put(hash(post.id()), time);
        if (objectIndex.containsKey(SignalKind.CO_LINK) || objectIndex.containsKey(SignalKind.CO_DOMAIN)) {
            Set<String> domains = new LinkedHashSet<>();
            for (String url : distinct(post.urls())) {
                String normalized = Urls.normalize(url);
                add(SignalKind.CO_LINK, a, normalized, time);
                String domain = Urls.domain(normalized);
                if (domain != null) {
                    domains.add(domain);
                }
            }
            for (String d : distinct(post.domains())) {
                domains.add(d.toLowerCase(Locale.ROOT));
            }
            domains.forEach(d -> add(SignalKind.CO_DOMAIN, a, d, time));
        }
        for (String tag : distinct(post.hashtags())) {
            String folded = org.coordscope.detect.signal.ScriptFolding.hashtagKey(tag);
            if (!folded.isEmpty()) {
                add(SignalKind.CO_HASHTAG, a, folded, time);
            }
        }
        if (near != null && post.text() != null && !post.text().isEmpty()) {
            if (near.add(a, time, post.text()) >= 0) {
                snippets.add(ActionLoader.snippet(post.text()));
            }
        }
    }

    @Override
    public void badRow(BadRow badRow) {
        badRows++;
    }

    long badRows() {
        return badRows;
    }

    public long posts() {
        return postCount;
    }

    /**
     * Clusters the texts, renumbers accounts in id order and returns the run's data and traits. Records the
     * near-text clustering time under {@code graph.near-text} in {@code millis}.
     */
    public Loaded finish(Map<String, Long> millis) {
        int n = data.accountIds.size();
        // accounts in id order, as ActionLoader numbers them
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> data.accountIds.get(x).compareTo(data.accountIds.get(y)));
        int[] newId = new int[n];
        SignalData out = new SignalData();
        for (int i = 0; i < n; i++) {
            newId[order[i]] = i;
            out.account(data.accountIds.get(order[i]));
        }
        // as ActionLoader reads it off the posts: 60 when every post time is a whole minute
        out.resolutionSeconds = postCount > 0 && !seconds ? 60 : 1;
        for (Map.Entry<SignalKind, Actions> en : data.actions.entrySet()) {
            out.actions.put(en.getKey(), renumber(en.getValue(), newId));
            out.objectKeys.put(en.getKey(), keys.get(en.getKey()));
        }
        for (int o = 0; o < retweetedAuthorId.size(); o++) {
            String author = retweetedAuthorId.get(o);
            out.retweetedAuthor.add(author == null ? -1 : out.author(author));
            long h = retweetedHash.getLong(o);
            out.retweetedTime.add(originalTime.containsKey(h) ? originalTime.get(h) : Long.MIN_VALUE);
        }
        if (options.signal(SignalKind.NEAR_TEXT).enabled()) {
            long t0 = System.nanoTime();
            nearText(out, newId);
            millis.put("graph.near-text", (System.nanoTime() - t0) / 1_000_000);
        }
        AccountTraits traits = new AccountTraits(n);
        for (int i = 0; i < n; i++) {
            int a = newId[i];
            if (posts.getInt(i) == 0) {
                continue; // known only as an author or a mention: no traits, as in the store
            }
            traits.created[a] = created.getLong(i);
            traits.followers[a] = followers.getLong(i);
            traits.emptyProfile[a] = !described.get(i);
            traits.posts[a] = posts.getInt(i);
            traits.retweets[a] = retweets.getInt(i);
        }
        traits.clients.addAll(clients);
        ActionLoader.mostUsedClients(traits, clientPosts, a -> newId[a]);
        return new Loaded(out, traits);
    }

    /** What {@link #finish} returns. */
    public record Loaded(SignalData data, AccountTraits traits) {}

    private void nearText(SignalData out, int[] newId) {
        NearDuplicateClusters clusters = near.cluster();
        List<String> k = new ArrayList<>(Collections.nCopies(clusters.clusterCount(), ""));
        for (int i = clusters.textCount() - 1; i >= 0; i--) {
            int c = clusters.clusterOf(i);
            if (c >= 0) {
                k.set(c, snippets.get(i));
            }
        }
        snippets.clear();
        out.actions.put(SignalKind.NEAR_TEXT, renumber(clusters.toActions(), newId));
        out.objectKeys.put(SignalKind.NEAR_TEXT, k);
    }

    private static Actions renumber(Actions in, int[] newId) {
        Actions out = new Actions(in.size());
        for (int i = 0; i < in.size(); i++) {
            out.add(newId[in.account(i)], in.object(i), in.time(i));
        }
        out.activeAccounts(in.activeAccounts());
        return out;
    }

    private int add(SignalKind kind, int account, String key, long time) {
        Object2IntOpenHashMap<String> index = objectIndex.get(kind);
        if (index == null) {
            return -1;
        }
        int o = index.getInt(key);
        if (o < 0) {
            o = index.size();
            index.put(key, o);
            keys.get(kind).add(key);
        }
        data.actions.get(kind).add(account, o, time);
        return o;
    }

    /** The account's dense id, its profile fields updated where the record has them (null never overwrites). */
    private int profile(AccountRecord r) {
        int a = reference(r.id());
        if (a < 0) {
            throw new IllegalArgumentException("an account record without an id");
        }
        if (r.createdAt() != null) {
            created.set(a, r.createdAt().getEpochSecond());
        }
        if (r.followers() != null) {
            followers.set(a, r.followers());
        }
        if (r.description() != null && !r.description().isBlank()) {
            described.set(a, true);
        }
        return a;
    }

    private int reference(String id) {
        if (id == null || id.isBlank()) {
            return -1;
        }
        int before = data.accountIds.size();
        int a = data.account(id);
        if (a == before) {
            created.add(Long.MIN_VALUE);
            followers.add(-1);
            described.add(false);
            posts.add(0);
            retweets.add(0);
        }
        return a;
    }

    private static Set<String> distinct(List<String> values) {
        Set<String> set = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                set.add(v.strip());
            }
        }
        return set;
    }

    /** A 64-bit FNV-1a hash of an id's UTF-8 bytes. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
