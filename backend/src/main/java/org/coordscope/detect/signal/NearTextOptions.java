package org.coordscope.detect.signal;

/**
 * Parameters of {@link NearDuplicateText}. See {@link DetectionOptions#defaults()} for the defaults.
 *
 * @param threshold two texts are near-duplicates when their estimated Jaccard similarity (over the
 *     sets of word unigrams and bigrams) is at least this
 * @param bands LSH bands
 * @param rows MinHash rows per band; the signature holds {@code bands * rows} one-byte values
 * @param minTokens texts with fewer words after normalisation are ignored
 * @param maxBucketSize an LSH bucket larger than this (boilerplate such as "good morning ...") is
 *     verified against its first member only, O(size) instead of O(size²)
 * @param seed seed of the MinHash functions; fixed so that runs are reproducible
 */
public record NearTextOptions(double threshold, int bands, int rows, int minTokens, int maxBucketSize, long seed) {

    public NearTextOptions {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("near-text.threshold must be in (0, 1]");
        }
        if (bands < 1 || rows < 1 || (long) bands * rows > 1024) {
            throw new IllegalArgumentException("near-text bands and rows must be >= 1, bands * rows <= 1024");
        }
        if (minTokens < 1) {
            throw new IllegalArgumentException("near-text.min-tokens must be >= 1");
        }
        if (maxBucketSize < 2) {
            throw new IllegalArgumentException("near-text.max-bucket-size must be >= 2");
        }
    }

    /** The defaults: threshold 0.6, 16 bands × 4 rows (64-byte signatures), 5 tokens, buckets of 200. */
    public static NearTextOptions defaults() {
        return new NearTextOptions(0.6, 16, 4, 5, 200, 0x5EED_C0DEL);
    }

    public NearTextOptions withThreshold(double v) {
        return new NearTextOptions(v, bands, rows, minTokens, maxBucketSize, seed);
    }

    public NearTextOptions withBands(int v) {
        return new NearTextOptions(threshold, v, rows, minTokens, maxBucketSize, seed);
    }

    public NearTextOptions withRows(int v) {
        return new NearTextOptions(threshold, bands, v, minTokens, maxBucketSize, seed);
    }

    public NearTextOptions withMinTokens(int v) {
        return new NearTextOptions(threshold, bands, rows, v, maxBucketSize, seed);
    }

    public NearTextOptions withMaxBucketSize(int v) {
        return new NearTextOptions(threshold, bands, rows, minTokens, v, seed);
    }
}
