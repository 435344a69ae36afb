package org.coordscope.ingest.write;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.coordscope.detect.store.ProjectionBuilder;
import org.coordscope.ingest.ImportException;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.ReadableGroups;

/**
 * The graph of one import gathered for Neo4j's offline batch importer, with exactly the result that the
 * driver's {@code MERGE} writes would have: one node per (label, key), its properties the union of every
 * mention in file order (later values win, nulls never overwrite), one relationship per (type, from, to).
 *
 * <p>Every node gets a dense id as it is first seen (the importer takes them as the store's own node ids, so it
 * needs no id mapping of its own). What stays in memory is what must be merged across the whole input:
 * the key-to-id maps, accounts' properties and relationships as packed {@code (from, to)} longs, deduplicated by
 * sorting. Tweets' properties, the bulk of the data, go to a spill file as they come and are streamed to the
 * importer from it; a tweet seen in more than one row (a source that repeats a post per shared object) keeps its
 * first row there and the later rows' values in memory, merged on top.
 */
final class BulkGraph implements GraphShape.Target, Closeable {

    private static final int CHUNK = 2_000;

    private final Map<GraphShape.Node, Object2IntOpenHashMap<String>> ids = new EnumMap<>(GraphShape.Node.class);
    private final Int2ObjectOpenHashMap<Map<String, Object>> accountProps = new Int2ObjectOpenHashMap<>();
    private final Object2ObjectOpenHashMap<String, String> linkDomains = new Object2ObjectOpenHashMap<>();
    private final BitSet tweetRows = new BitSet();
    private final Int2ObjectOpenHashMap<Map<String, Object>> laterTweetProps = new Int2ObjectOpenHashMap<>();
    private final Map<GraphShape.Rel, LongArrayList> relationships = new EnumMap<>(GraphShape.Rel.class);
    private final Path spillFile;
    private final DataOutputStream spill;
    private final List<String> propertyKeys = new ArrayList<>();
    private final Map<String, Integer> propertyKeyCodes = new HashMap<>();
    private int nextId;
    private boolean sealed;
    private long spilledRows;
    private long nodeProperties;

    BulkGraph(Path spillFile) throws IOException {
        this.spillFile = spillFile;
        this.spill = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spillFile), 1 << 16));
        for (GraphShape.Node kind : GraphShape.Node.values()) {
            Object2IntOpenHashMap<String> map = new Object2IntOpenHashMap<>();
            map.defaultReturnValue(-1);
            ids.put(kind, map);
        }
        for (GraphShape.Rel type : GraphShape.Rel.values()) {
            relationships.put(type, new LongArrayList());
        }
    }

    private int id(GraphShape.Node kind, String key) {
        Object2IntOpenHashMap<String> map = ids.get(kind);
        int id = map.getInt(key);
        if (id < 0) {
            if (nextId == Integer.MAX_VALUE) {
                throw new ImportException("More than " + Integer.MAX_VALUE + " nodes: too many for one bulk import.");
            }
            id = nextId++;
            map.put(key, id);
        }
        return id;
    }

    @Override
    public void node(GraphShape.Node kind, String key, Map<String, Object> props) {
        int id = id(kind, key);
        if (props.isEmpty()) {
            return;
        }
        if (kind == GraphShape.Node.ACCOUNT) {
            Map<String, Object> known = accountProps.get(id);
            if (known == null) {
                accountProps.put(id, new HashMap<>(props));
            } else {
                known.putAll(props);
            }
        } else if (!tweetRows.get(id)) {
            tweetRows.set(id);
            spill(id, key, props);
        } else {
            laterTweetProps.computeIfAbsent(id, k -> new HashMap<>()).putAll(props);
        }
    }

    @Override
    public void link(String url, String domain) {
        id(GraphShape.Node.LINK, url);
        if (domain != null) {
            linkDomains.putIfAbsent(url, domain);
        }
    }

    @Override
    public void keyed(GraphShape.Node kind, String key) {
        id(kind, key);
    }

    @Override
    public void relationship(GraphShape.Rel type, String from, String to) {
        long packed = (long) id(type.from, from) << 32 | id(type.to, to);
        relationships.get(type).add(packed);
    }

    /**
     * The importer's input: every node and relationship gathered, plus the dataset's node. Call once, after
     * the last record.
     */
    Input input(String dataset, String platform, Map<String, Object> datasetProps) throws IOException {
        seal();
        int datasetId = nextId++;
        long relationshipCount = relationshipCount();
        InputIterable nodes =
                () -> new Chunks<>(nodes(dataset, platform, datasetId, datasetProps), BulkGraph::visitNode);
        InputIterable rels = () -> new Chunks<>(relationships(), BulkGraph::visitRelationship);
        long nodeCount = nextId;
        long propertyCount = nodeProperties + nodeCount * 2;
        long propertyBytes = Files.size(spillFile) + nodeCount * 24;
        return Input.input(
                nodes,
                rels,
                IdType.ACTUAL,
                Input.knownEstimates(nodeCount, relationshipCount, propertyCount, 0, propertyBytes, 0, nodeCount),
                ReadableGroups.EMPTY);
    }

    long nodeCount() {
        return nextId;
    }

    long relationshipCount() {
        return relationships.values().stream().mapToLong(LongArrayList::size).sum();
    }

    /** Ends the gathering: the spill file is closed, each type's relationships sorted and deduplicated. */
    private void seal() throws IOException {
        if (sealed) {
            return;
        }
        sealed = true;
        spill.close();
        for (LongArrayList list : relationships.values()) {
            Arrays.parallelSort(list.elements(), 0, list.size());
            int unique = 0;
            long[] a = list.elements();
            for (int i = 0; i < list.size(); i++) {
                if (unique == 0 || a[unique - 1] != a[i]) {
                    a[unique++] = a[i];
                }
            }
            list.size(unique);
        }
    }

    /**
     * Tells {@code builder} what detection reads of this graph once it is stored: the rows {@link
     * org.coordscope.detect.store.ActionLoader}'s queries return, taken from the gathered nodes and relationships
     * instead of the store (every account in id order; each (poster, timed post) with its client, retweeted
     * originals, and for an original its links, domains, hashtags and text). Call after the last record; the graph
     * can still be given to the importer afterwards.
     */
    void project(ProjectionBuilder builder) throws IOException {
        seal();
        String[] keyOf = new String[nextId];
        ids.values().forEach(map -> map.object2IntEntrySet().fastForEach(e -> keyOf[e.getIntValue()] = e.getKey()));
        Object2IntOpenHashMap<String> accountIds = ids.get(GraphShape.Node.ACCOUNT);
        String[] accounts = accountIds.keySet().toArray(String[]::new);
        Arrays.sort(accounts);
        int[] dense = new int[nextId];
        Arrays.fill(dense, -1);
        for (String id : accounts) {
            int node = accountIds.getInt(id);
            Map<String, Object> p = accountProps.getOrDefault(node, Map.of());
            dense[node] = builder.account(
                    id,
                    p.get("createdAt") instanceof ZonedDateTime t ? t.toEpochSecond() : null,
                    p.get("followers") instanceof Number n ? n.longValue() : null,
                    p.get("description") instanceof String d ? d : null);
        }
        long[] time = new long[nextId];
        Arrays.fill(time, Long.MIN_VALUE);
        String[] client = new String[nextId];
        BitSet retweet = new BitSet();
        Map<String, String> clients = new HashMap<>();
        try (SpillReader spilled = new SpillReader(null, null)) {
            while (spilled.hasNext()) {
                Spilled t = spilled.nextSpilled();
                if (t.props().get("createdAt") instanceof ZonedDateTime at) {
                    time[t.id()] = at.toEpochSecond();
                }
                if (t.props().get("client") instanceof String c) {
                    client[t.id()] = clients.computeIfAbsent(c, k -> k);
                }
                if (t.props().containsKey("isRetweet")) {
                    retweet.set(t.id());
                }
            }
        }
        LongArrayList posted = relationships.get(GraphShape.Rel.POSTED);
        long[] postedByTweet = new long[posted.size()];
        for (int i = 0; i < postedByTweet.length; i++) {
            long p = posted.getLong(i);
            postedByTweet[i] = p << 32 | p >>> 32;
        }
        Arrays.parallelSort(postedByTweet);
        builder.startPosts();
        for (int i = 0; i < posted.size(); i++) {
            int a = dense[(int) (posted.getLong(i) >>> 32)];
            int t = (int) posted.getLong(i);
            long at = time[t];
            if (a < 0 || at == Long.MIN_VALUE) {
                continue;
            }
            boolean original = !retweet.get(t);
            builder.post(a, at, client[t], original);
            for (int o : targets(GraphShape.Rel.RETWEETS, t)) {
                int author = firstFrom(postedByTweet, o);
                builder.retweet(a, at, keyOf[o], time[o], author < 0 ? null : keyOf[author]);
            }
            if (original) {
                for (int l : targets(GraphShape.Rel.LINKS_TO, t)) {
                    builder.link(a, at, keyOf[l]);
                }
                for (int d : targets(GraphShape.Rel.ON_DOMAIN, t)) {
                    builder.domain(a, at, keyOf[d]);
                }
                for (int h : targets(GraphShape.Rel.TAGS, t)) {
                    builder.tag(a, at, keyOf[h]);
                }
            }
        }
        if (builder.wants(org.coordscope.detect.signal.SignalKind.NEAR_TEXT)) {
            try (SpillReader spilled = new SpillReader(null, null)) {
                while (spilled.hasNext()) {
                    Spilled t = spilled.nextSpilled();
                    if (time[t.id()] == Long.MIN_VALUE
                            || retweet.get(t.id())
                            || !(t.props().get("text") instanceof String text)) {
                        continue;
                    }
                    for (int i = lowerBound(postedByTweet, (long) t.id() << 32);
                            i < postedByTweet.length && postedByTweet[i] >>> 32 == t.id();
                            i++) {
                        int a = dense[(int) postedByTweet[i]];
                        if (a >= 0) {
                            builder.text(a, time[t.id()], t.key(), text);
                        }
                    }
                }
            }
        }
    }

    /** The nodes {@code from} points to by {@code type}'s relationships (sorted by (from, to)). */
    private int[] targets(GraphShape.Rel type, int from) {
        LongArrayList list = relationships.get(type);
        long[] a = list.elements();
        int start = lowerBound(a, list.size(), (long) from << 32);
        int end = start;
        while (end < list.size() && a[end] >>> 32 == from) {
            end++;
        }
        int[] out = new int[end - start];
        for (int i = start; i < end; i++) {
            out[i - start] = (int) a[i];
        }
        return out;
    }

    /** The first node pointing to {@code to} in {@code byTo} (packed (to, from), sorted), or -1. */
    private static int firstFrom(long[] byTo, int to) {
        int i = lowerBound(byTo, (long) to << 32);
        return i < byTo.length && byTo[i] >>> 32 == to ? (int) byTo[i] : -1;
    }

    private static int lowerBound(long[] sorted, long key) {
        return lowerBound(sorted, sorted.length, key);
    }

    /** The first index in {@code sorted[0, size)} whose value is at least {@code key} (unsigned ids: all >= 0). */
    private static int lowerBound(long[] sorted, int size, long key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A node for the importer: its id, label and properties as key, value, key, value… */
    private record NodeRow(long id, String[] labels, Object[] properties) {}

    private record RelationshipRow(long from, long to, String type) {}

    /** Every node's row; accounts and tweets carry the import's {@code platform}, as the driver path sets it. */
    private Iterator<NodeRow> nodes(String dataset, String platform, int datasetId, Map<String, Object> datasetProps) {
        List<Supplier<Iterator<NodeRow>>> parts = new ArrayList<>();
        parts.add(() -> List.of(row(datasetId, "Dataset", withKey(datasetProps, "name", dataset, null, null)))
                .iterator());
        parts.add(() -> entries(
                GraphShape.Node.ACCOUNT,
                (key, id) -> row(id, "Account", withKey(accountProps.get(id), "id", key, dataset, platform))));
        parts.add(() -> new SpillReader(dataset, platform));
        parts.add(() -> entries(
                GraphShape.Node.TWEET,
                (key, id) -> tweetRows.get(id) ? null : row(id, "Tweet", withKey(null, "id", key, dataset, platform))));
        parts.add(() -> entries(GraphShape.Node.LINK, (key, id) -> {
            String domain = linkDomains.get(key);
            return row(
                    id, "Link", withKey(domain == null ? null : Map.of("domain", domain), "url", key, dataset, null));
        }));
        for (GraphShape.Node kind : List.of(GraphShape.Node.DOMAIN, GraphShape.Node.HASHTAG, GraphShape.Node.IMAGE)) {
            parts.add(() ->
                    entries(kind, (key, id) -> row(id, kind.label, withKey(null, kind.key, key, dataset, null))));
        }
        return new Concat<>(parts);
    }

    private interface RowMaker {
        NodeRow make(String key, int id);
    }

    /** The nodes of one kind from its key map; {@code maker} may return null to leave a node out. */
    private Iterator<NodeRow> entries(GraphShape.Node kind, RowMaker maker) {
        Iterator<Object2IntMap.Entry<String>> entries =
                ids.get(kind).object2IntEntrySet().fastIterator();
        return new Iterator<>() {
            NodeRow next = advance();

            private NodeRow advance() {
                while (entries.hasNext()) {
                    Object2IntMap.Entry<String> e = entries.next();
                    NodeRow row = maker.make(e.getKey(), e.getIntValue());
                    if (row != null) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public NodeRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                NodeRow row = next;
                next = advance();
                return row;
            }
        };
    }

    private static NodeRow row(long id, String label, Object[] properties) {
        return new NodeRow(id, new String[] {label}, properties);
    }

    /** Properties as the importer takes them: key, value pairs; lists as arrays. */
    private static Object[] withKey(
            Map<String, Object> props, String keyName, String key, String dataset, String platform) {
        int size = (props == null ? 0 : props.size()) + (dataset == null ? 1 : 2) + (platform == null ? 0 : 1);
        Object[] out = new Object[size * 2];
        int i = 0;
        out[i++] = keyName;
        out[i++] = key;
        if (dataset != null) {
            out[i++] = "dataset";
            out[i++] = dataset;
        }
        if (platform != null) {
            out[i++] = "platform";
            out[i++] = platform;
        }
        if (props != null) {
            for (Map.Entry<String, Object> e : props.entrySet()) {
                out[i++] = e.getKey();
                out[i++] = e.getValue() instanceof List<?> list ? list.toArray(String[]::new) : e.getValue();
            }
        }
        return out;
    }

    private Iterator<RelationshipRow> relationships() {
        List<Supplier<Iterator<RelationshipRow>>> parts = new ArrayList<>();
        for (GraphShape.Rel type : GraphShape.Rel.values()) {
            LongArrayList list = relationships.get(type);
            String name = type.name();
            parts.add(() -> new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < list.size();
                }

                @Override
                public RelationshipRow next() {
                    long packed = list.getLong(i++);
                    return new RelationshipRow(packed >>> 32, packed & 0xffffffffL, name);
                }
            });
        }
        return new Concat<>(parts);
    }

    private static void visitNode(NodeRow row, InputEntityVisitor visitor) throws IOException {
        visitor.id(row.id());
        visitor.labels(row.labels());
        Object[] p = row.properties();
        for (int i = 0; i < p.length; i += 2) {
            visitor.property((String) p[i], p[i + 1]);
        }
        visitor.endOfEntity();
    }

    private static void visitRelationship(RelationshipRow row, InputEntityVisitor visitor) throws IOException {
        visitor.startId(row.from());
        visitor.endId(row.to());
        visitor.type(row.type());
        visitor.endOfEntity();
    }

    // ---- the tweet spill file: id, key, then (key code, value) pairs; key names are written once, when first used

    private static final int STRING = 0;
    private static final int LONG = 1;
    private static final int BOOLEAN = 2;
    private static final int DATETIME = 3;
    private static final int STRINGS = 4;
    private static final int NEW_KEY = 0xff;

    private void spill(int id, String key, Map<String, Object> props) {
        try {
            spill.writeInt(id);
            writeString(key);
            spill.writeByte(props.size());
            for (Map.Entry<String, Object> e : props.entrySet()) {
                Integer code = propertyKeyCodes.get(e.getKey());
                if (code == null) {
                    code = propertyKeys.size();
                    if (code >= NEW_KEY) {
                        throw new IllegalStateException("too many property keys for the spill file");
                    }
                    propertyKeys.add(e.getKey());
                    propertyKeyCodes.put(e.getKey(), code);
                    spill.writeByte(NEW_KEY);
                    writeString(e.getKey());
                }
                spill.writeByte(code);
                writeValue(e.getValue());
            }
            spilledRows++;
            nodeProperties += props.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bulk import's spill file " + spillFile, e);
        }
    }

    private void writeValue(Object value) throws IOException {
        if (value instanceof String s) {
            spill.writeByte(STRING);
            writeString(s);
        } else if (value instanceof Long l) {
            spill.writeByte(LONG);
            spill.writeLong(l);
        } else if (value instanceof Boolean b) {
            spill.writeByte(BOOLEAN);
            spill.writeBoolean(b);
        } else if (value instanceof ZonedDateTime t && t.getZone().equals(ZoneOffset.UTC)) {
            spill.writeByte(DATETIME);
            spill.writeLong(t.toEpochSecond());
            spill.writeInt(t.getNano());
        } else if (value instanceof List<?> list) {
            spill.writeByte(STRINGS);
            spill.writeInt(list.size());
            for (Object item : list) {
                writeString((String) item);
            }
        } else {
            throw new IllegalStateException(
                    "No spill encoding for " + value.getClass().getName());
        }
    }

    private void writeString(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        spill.writeInt(bytes.length);
        spill.write(bytes);
    }

    /** A tweet as spilled: node id, key and properties. */
    private record Spilled(int id, String key, Map<String, Object> props) {}

    /** Streams the spilled tweets back, each with the values of its later rows merged on top. */
    private final class SpillReader implements Iterator<NodeRow>, Closeable {
        private final DataInputStream in;
        private final String dataset;
        private final String platform;
        private final List<String> keys = new ArrayList<>();
        private long left = spilledRows;

        SpillReader(String dataset, String platform) {
            this.dataset = dataset;
            this.platform = platform;
            try {
                this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spillFile), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            if (left == 0) {
                close();
            }
            return left > 0;
        }

        @Override
        public NodeRow next() {
            Spilled t = nextSpilled();
            return row(t.id(), "Tweet", withKey(t.props(), "id", t.key(), dataset, platform));
        }

        /** The next spilled tweet, with the values of its later rows merged on top. */
        Spilled nextSpilled() {
            if (left-- <= 0) {
                throw new NoSuchElementException();
            }
            try {
                int id = in.readInt();
                String key = readString();
                int count = in.readUnsignedByte();
                Map<String, Object> props = new HashMap<>(count * 2);
                for (int i = 0; i < count; i++) {
                    int code = in.readUnsignedByte();
                    if (code == NEW_KEY) {
                        keys.add(readString());
                        code = in.readUnsignedByte();
                    }
                    props.put(keys.get(code), readValue());
                }
                Map<String, Object> later = laterTweetProps.get(id);
                if (later != null) {
                    props.putAll(later);
                }
                return new Spilled(id, key, props);
            } catch (EOFException e) {
                throw new IllegalStateException("The bulk import's spill file " + spillFile + " ended early", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Object readValue() throws IOException {
            int type = in.readUnsignedByte();
            return switch (type) {
                case STRING -> readString();
                case LONG -> in.readLong();
                case BOOLEAN -> in.readBoolean();
                case DATETIME ->
                    Instant.ofEpochSecond(in.readLong(), in.readInt()).atZone(ZoneOffset.UTC);
                case STRINGS -> {
                    String[] items = new String[in.readInt()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = readString();
                    }
                    yield List.of(items);
                }
                default -> throw new IllegalStateException("Unknown value type " + type + " in " + spillFile);
            };
        }

        private String readString() throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        spill.close();
    }

    /** One iterator after another, each made when its turn comes. */
    private static final class Concat<T> implements Iterator<T> {
        private final Iterator<Supplier<Iterator<T>>> parts;
        private Iterator<T> current = List.<T>of().iterator();

        Concat(List<Supplier<Iterator<T>>> parts) {
            this.parts = parts.iterator();
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!parts.hasNext()) {
                    return false;
                }
                current = parts.next().get();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    private interface Visit<T> {
        void accept(T row, InputEntityVisitor visitor) throws IOException;
    }

    /**
     * The importer's view of an iterator: its threads take chunks of rows in turn (taking is synchronised, the
     * work on a chunk is not).
     */
    private static final class Chunks<T> implements InputIterator {
        private final Iterator<T> rows;
        private final Visit<T> visit;

        Chunks(Iterator<T> rows, Visit<T> visit) {
            this.rows = rows;
            this.visit = visit;
        }

        @Override
        public InputChunk newChunk() {
            return new Chunk();
        }

        @Override
        public synchronized boolean next(InputChunk chunk) {
            Chunk c = (Chunk) chunk;
            c.rows.clear();
            c.position = 0;
            while (c.rows.size() < CHUNK && rows.hasNext()) {
                c.rows.add(rows.next());
            }
            return !c.rows.isEmpty();
        }

        @Override
        public void close() {}

        private final class Chunk implements InputChunk {
            final List<T> rows = new ArrayList<>(CHUNK);
            int position;

            @Override
            public boolean next(InputEntityVisitor visitor) throws IOException {
                if (position >= rows.size()) {
                    return false;
                }
                visit.accept(rows.get(position++), visitor);
                return true;
            }

            @Override
            public void close() {}
        }
    }
}
