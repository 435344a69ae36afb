package org.coordscope.detect.store;

import it.unimi.dsi.fastutil.io.BinIO;
import it.unimi.dsi.fastutil.io.FastBufferedInputStream;
import it.unimi.dsi.fastutil.io.FastBufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.coordscope.detect.pipeline.AccountTraits;
import org.coordscope.detect.pipeline.SignalData;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.NearDuplicateText;
import org.coordscope.detect.signal.SignalKind;
import org.coordscope.graphdb.Neo4jSettings;
import org.coordscope.graphdb.StoreReplacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What detection read of a dataset ({@link ActionLoader.Loaded}: dense account ids and traits, each keyed signal's
 * actions and object keys, the texts' MinHash signatures with their post ids), kept in one file per dataset beside
 * the store ({@code STORE/projections/DATASET.projection}), so that the next run of the same dataset reads it in
 * seconds instead of walking every post through Bolt again (docs/performance.md).
 *
 * <p>Never stale: a projection is stamped with the dataset's {@code revision}, which every write to the dataset
 * changes in its own transaction (import batches, a new bulk store, a deletion: {@code datasets.DatasetService}), and
 * with a fingerprint of {@link ActionLoader}'s queries; a run uses it only when both still match and it holds every
 * signal the run asks for (near-text: signatures of the same bands, rows, minimum words and seed; threshold and
 * bucket size apply when clustering, so they may differ). Written aside and renamed into place, with a CRC-32C of
 * its bytes checked before reading, so a kill or a damaged file costs a full read, never a wrong run. Off with
 * {@code coordscope.detection.projections=false}.
 */
@Component
public class DetectionProjection {

    private static final Logger log = LoggerFactory.getLogger(DetectionProjection.class);
    private static final int MAGIC = 0x43535052; // "CSPR"
    private static final int FORMAT = 1;
    /** A projection written under other queries (another version of CoordScope) is not used. */
    public static final int READER = Objects.hash(FORMAT, ActionLoader.ACCOUNTS, ActionLoader.POSTS);

    public static final String SUFFIX = ".projection";
    private static final int BUFFER = 1 << 20;

    private final Path directory;
    private final boolean enabled;

    @Autowired
    public DetectionProjection(
            Neo4jSettings settings, @Value("${coordscope.detection.projections:true}") boolean enabled) {
        this(settings.store().resolve(StoreReplacement.PROJECTIONS), enabled);
    }

    DetectionProjection(Path directory, boolean enabled) {
        this.directory = directory;
        this.enabled = enabled;
    }

    /** The projections kept in {@code directory} (for an importer writing a store aside, outside Spring). */
    public static DetectionProjection in(Path directory) {
        return new DetectionProjection(directory, true);
    }

    /** A projection found and fit for the run ({@code loaded} not null), or why not. */
    public record Lookup(ActionLoader.Loaded loaded, String why) {}

    public boolean enabled() {
        return enabled;
    }

    /** Where an import may gather, beside the projections, what it then keeps as {@code dataset}'s projection. */
    public Path scratchFile(String dataset) {
        return directory.resolve(URLEncoder.encode(dataset, StandardCharsets.UTF_8) + ".import-spill");
    }

    public Path file(String dataset) {
        return directory.resolve(URLEncoder.encode(dataset, StandardCharsets.UTF_8) + SUFFIX);
    }

    /** The dataset's projection at {@code revision}, with only the signals {@code options} asks for, if it has them. */
    public Lookup read(String dataset, String revision, DetectionOptions options) {
        Path file = file(dataset);
        if (!enabled) {
            return new Lookup(null, "projections are off (coordscope.detection.projections=false)");
        }
        if (!Files.isRegularFile(file)) {
            return new Lookup(null, "no projection of '" + dataset + "' yet");
        }
        try {
            if (!checksumHolds(file)) {
                Files.deleteIfExists(file);
                return new Lookup(null, "the projection of '" + dataset + "' was damaged (checksum), deleted");
            }
            try (InputStream raw = Files.newInputStream(file);
                    DataInputStream in = new DataInputStream(new FastBufferedInputStream(raw, BUFFER))) {
                return read(in, dataset, revision, options);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the projection {}: {}", file, e.toString());
            return new Lookup(null, "the projection of '" + dataset + "' could not be read (" + e.getMessage() + ")");
        }
    }

    private static Lookup read(DataInput in, String dataset, String revision, DetectionOptions options)
            throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != READER) {
            return new Lookup(null, "the projection of '" + dataset + "' was written by another version");
        }
        if (!in.readUTF().equals(dataset) || !in.readUTF().equals(revision)) {
            return new Lookup(null, "the projection of '" + dataset + "' is older than the dataset's last change");
        }
        long posts = in.readLong();
        SignalData data = new SignalData();
        data.resolutionSeconds = in.readInt();
        for (String id : readStrings(in)) {
            data.account(id);
        }
        AccountTraits traits = new AccountTraits(data.accountIds.size());
        BinIO.loadLongs(in, traits.created);
        BinIO.loadLongs(in, traits.followers);
        BinIO.loadBooleans(in, traits.emptyProfile);
        BinIO.loadInts(in, traits.posts);
        BinIO.loadInts(in, traits.retweets);
        BinIO.loadInts(in, traits.client);
        traits.clients.addAll(readStrings(in));
        for (String id : readStrings(in)) {
            data.author(id);
        }
        int[] retweetedAuthor = new int[in.readInt()];
        BinIO.loadInts(in, retweetedAuthor);
        data.retweetedAuthor.addElements(0, retweetedAuthor);
        long[] retweetedTime = new long[in.readInt()];
        BinIO.loadLongs(in, retweetedTime);
        data.retweetedTime.addElements(0, retweetedTime);
        for (int signals = in.readInt(); signals > 0; signals--) {
            SignalKind kind = SignalKind.fromId(in.readUTF());
            int n = in.readInt();
            int[] accounts = new int[n];
            int[] objects = new int[n];
            long[] times = new long[n];
            BinIO.loadInts(in, accounts);
            BinIO.loadInts(in, objects);
            BinIO.loadLongs(in, times);
            List<String> keys = readStrings(in);
            if (options.signal(kind).enabled()) {
                Actions actions = new Actions(n);
                for (int i = 0; i < n; i++) {
                    actions.add(accounts[i], objects[i], times[i]);
                }
                data.actions.put(kind, actions);
                data.objectKeys.put(kind, keys);
            }
        }
        ActionLoader.Texts texts = null;
        boolean nearText = options.signal(SignalKind.NEAR_TEXT).enabled();
        if (in.readBoolean()) {
            Optional<NearDuplicateText> signatures = NearDuplicateText.read(in, options.nearText());
            List<String> postIds = readStrings(in);
            if (nearText && signatures.isEmpty()) {
                return new Lookup(
                        null,
                        "the projection of '" + dataset + "' has texts signed with other near-text"
                                + " bands, rows, min-tokens or seed");
            }
            texts = nearText ? new ActionLoader.Texts(signatures.get(), postIds) : null;
        }
        for (SignalKind kind : SignalKind.values()) {
            boolean held = kind == SignalKind.NEAR_TEXT ? texts != null : data.actions.containsKey(kind);
            if (options.signal(kind).enabled() && !held) {
                return new Lookup(null, "the projection of '" + dataset + "' lacks " + kind.id());
            }
        }
        return new Lookup(new ActionLoader.Loaded(data, traits, texts, posts), null);
    }

    /**
     * Keeps {@code loaded} (before the graph build consumes its actions) as the projection of {@code dataset} at
     * {@code revision}, and deletes the projections of datasets no longer in {@code datasets} (null: leaves
     * them).
     *
     * @return null when kept, else why not (the run goes on without it)
     */
    public String write(String dataset, String revision, ActionLoader.Loaded loaded, Collection<String> datasets) {
        if (!enabled) {
            return null;
        }
        Path file = file(dataset);
        Path aside = file.resolveSibling(file.getFileName() + ".writing");
        try {
            Files.createDirectories(directory);
            if (datasets != null) {
                prune(datasets);
            }
            CRC32C crc = new CRC32C();
            try (FileOutputStream raw = new FileOutputStream(aside.toFile())) {
                DataOutputStream out =
                        new DataOutputStream(new FastBufferedOutputStream(new CheckedOutputStream(raw, crc), BUFFER));
                write(out, dataset, revision, loaded);
                out.flush();
                raw.write(ByteBuffer.allocate(Integer.BYTES)
                        .putInt((int) crc.getValue())
                        .array());
                raw.getFD().sync();
            }
            Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return null;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot write the projection {}: {}", file, e.toString());
            try {
                Files.deleteIfExists(aside);
            } catch (IOException ignored) {
                // what is left is overwritten by the next write
            }
            return e.getMessage();
        }
    }

    private static void write(DataOutput out, String dataset, String revision, ActionLoader.Loaded loaded)
            throws IOException {
        SignalData data = loaded.data();
        AccountTraits traits = loaded.traits();
        out.writeInt(MAGIC);
        out.writeInt(READER);
        out.writeUTF(dataset);
        out.writeUTF(revision);
        out.writeLong(loaded.posts());
        out.writeInt(data.resolutionSeconds);
        writeStrings(out, data.accountIds);
        BinIO.storeLongs(traits.created, out);
        BinIO.storeLongs(traits.followers, out);
        BinIO.storeBooleans(traits.emptyProfile, out);
        BinIO.storeInts(traits.posts, out);
        BinIO.storeInts(traits.retweets, out);
        BinIO.storeInts(traits.client, out);
        writeStrings(out, traits.clients);
        writeStrings(out, data.authorIds);
        out.writeInt(data.retweetedAuthor.size());
        BinIO.storeInts(data.retweetedAuthor.elements(), 0, data.retweetedAuthor.size(), out);
        out.writeInt(data.retweetedTime.size());
        BinIO.storeLongs(data.retweetedTime.elements(), 0, data.retweetedTime.size(), out);
        out.writeInt(data.actions.size());
        for (Map.Entry<SignalKind, Actions> en : data.actions.entrySet()) {
            Actions actions = en.getValue();
            out.writeUTF(en.getKey().id());
            out.writeInt(actions.size());
            for (int i = 0; i < actions.size(); i++) {
                out.writeInt(actions.account(i));
            }
            for (int i = 0; i < actions.size(); i++) {
                out.writeInt(actions.object(i));
            }
            for (int i = 0; i < actions.size(); i++) {
                out.writeLong(actions.time(i));
            }
            writeStrings(out, data.objectKeys.getOrDefault(en.getKey(), List.of()));
        }
        out.writeBoolean(loaded.texts() != null);
        if (loaded.texts() != null) {
            loaded.texts().signatures().write(out);
            writeStrings(out, loaded.texts().postIds());
        }
    }

    /** Deletes the projections of datasets that are gone. */
    private void prune(Collection<String> datasets) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(SUFFIX)
                        && !datasets.contains(URLDecoder.decode(
                                name.substring(0, name.length() - SUFFIX.length()), StandardCharsets.UTF_8))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** True when the file's last four bytes are the CRC-32C of the bytes before them. */
    private static boolean checksumHolds(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long body = channel.size() - Integer.BYTES;
            if (body < 0) {
                return false;
            }
            CRC32C crc = new CRC32C();
            for (long at = 0; at < body; at += Integer.MAX_VALUE) {
                crc.update(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(Integer.MAX_VALUE, body - at)));
            }
            ByteBuffer stored = ByteBuffer.allocate(Integer.BYTES);
            channel.read(stored, body);
            return stored.flip().getInt() == (int) crc.getValue();
        }
    }

    private static void writeStrings(DataOutput out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8); // not writeUTF: a URL may be longer than it allows
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static List<String> readStrings(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> strings = new ArrayList<>(n);
        byte[] buffer = new byte[256];
        for (int i = 0; i < n; i++) {
            int length = in.readInt();
            if (length > buffer.length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            in.readFully(buffer, 0, length);
            strings.add(new String(buffer, 0, length, StandardCharsets.UTF_8));
        }
        return strings;
    }
}
