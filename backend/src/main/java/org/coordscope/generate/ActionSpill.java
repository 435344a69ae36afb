package org.coordscope.generate;

import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Planned actions spilled to disk in time buckets, so that {@code tweets.csv} can be written in time order
 * with memory bounded by one bucket (about 50,000 actions of 29 bytes), whatever the number of tweets.
 * An action is what a row will be rendered from: its tweet id (which carries its time), account, kind,
 * referenced post, an auxiliary int, and the seed its text and details are drawn from.
 */
final class ActionSpill implements AutoCloseable {

    static final int RECORD_BYTES = 8 + 4 + 1 + 4 + 4 + 8;
    private static final int TARGET_PER_BUCKET = 50_000;
    private static final int MAX_BUCKETS = 256;

    private final Path dir;
    private final long startMs;
    private final long spanMs;
    private final DataOutputStream[] out;
    private final long[] counts;

    ActionSpill(Path dir, long expected, long startMs, long endMs) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.startMs = startMs;
        this.spanMs = Math.max(1, endMs - startMs);
        int buckets = (int) Math.max(1, Math.min(MAX_BUCKETS, (expected + TARGET_PER_BUCKET - 1) / TARGET_PER_BUCKET));
        this.out = new DataOutputStream[buckets];
        this.counts = new long[buckets];
        for (int b = 0; b < buckets; b++) {
            out[b] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(b)), 1 << 15));
        }
    }

    private Path file(int bucket) {
        return dir.resolve(String.format("actions-%04d.bin", bucket));
    }

    int buckets() {
        return out.length;
    }

    void write(long id, int account, byte kind, int ref, int aux, long seed) {
        long ms = Snowflake.millis(id);
        int b = (int) Math.max(0, Math.min(out.length - 1, (ms - startMs) * out.length / spanMs));
        try {
            DataOutputStream o = out[b];
            o.writeLong(id);
            o.writeInt(account);
            o.writeByte(kind);
            o.writeInt(ref);
            o.writeInt(aux);
            o.writeLong(seed);
            counts[b]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finishWriting() throws IOException {
        for (DataOutputStream o : out) {
            o.close();
        }
    }

    /** One bucket's actions, sorted by tweet id (that is, by time); its file is deleted. */
    Bucket read(int bucket) throws IOException {
        Bucket k = reread(bucket);
        Files.delete(file(bucket));
        return k;
    }

    /** One bucket's actions, sorted by time, keeping its file for another reading (the closing deletes it). */
    Bucket reread(int bucket) throws IOException {
        int size = (int) counts[bucket];
        Bucket k = new Bucket(size);
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file(bucket)), 1 << 16))) {
            for (int i = 0; i < size; i++) {
                k.id[i] = in.readLong();
                k.account[i] = in.readInt();
                k.kind[i] = in.readByte();
                k.ref[i] = in.readInt();
                k.aux[i] = in.readInt();
                k.seed[i] = in.readLong();
            }
        }
        k.sort();
        return k;
    }

    @Override
    public void close() throws IOException {
        for (DataOutputStream o : out) {
            o.close();
        }
        for (int b = 0; b < out.length; b++) {
            Files.deleteIfExists(file(b));
        }
        Files.deleteIfExists(dir);
    }

    /** Parallel arrays of one bucket. */
    static final class Bucket {
        final int size;
        final long[] id;
        final int[] account;
        final byte[] kind;
        final int[] ref;
        final int[] aux;
        final long[] seed;

        Bucket(int size) {
            this.size = size;
            id = new long[size];
            account = new int[size];
            kind = new byte[size];
            ref = new int[size];
            aux = new int[size];
            seed = new long[size];
        }

        void sort() {
            it.unimi.dsi.fastutil.Arrays.quickSort(0, size, (a, b) -> Long.compare(id[a], id[b]), (a, b) -> {
                LongArrays.swap(id, a, b);
                IntArrays.swap(account, a, b);
                ByteArrays.swap(kind, a, b);
                IntArrays.swap(ref, a, b);
                IntArrays.swap(aux, a, b);
                LongArrays.swap(seed, a, b);
            });
        }
    }
}
