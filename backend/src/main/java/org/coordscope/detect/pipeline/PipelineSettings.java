package org.coordscope.detect.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.coordscope.detect.community.LeidenClustering;

/**
 * How the pipeline finds communities: the algorithm, Leiden's quality function and resolution, and the seed.
 * The coordination-graph options are {@link org.coordscope.detect.signal.DetectionOptions}; the application
 * side turns a request into both.
 *
 * @param algorithm Leiden (default) or JGraphT's label propagation, as a baseline
 * @param quality Leiden's quality function: CPM (default) or modularity
 * @param resolution Leiden's resolution gamma, positive and finite
 * @param seed the seed of the community algorithm
 */
public record PipelineSettings(Algorithm algorithm, LeidenClustering.Quality quality, double resolution, long seed) {

    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_RESOLUTION = 1.0;
    public static final LeidenClustering.Quality DEFAULT_QUALITY = LeidenClustering.Quality.CPM;
    public static final PipelineSettings DEFAULTS =
            new PipelineSettings(Algorithm.LEIDEN, DEFAULT_QUALITY, DEFAULT_RESOLUTION, DEFAULT_SEED);

    /** Leiden passes on graphs larger than this are capped at 2 (the later passes change little there). */
    public static final int LARGE_GRAPH_EDGES = 1_000_000;

    public PipelineSettings {
        if (algorithm == null || quality == null) {
            throw new IllegalArgumentException("algorithm and quality are required");
        }
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be positive: " + resolution);
        }
    }

    /** The community algorithms, by the id the API, CLI and run parameters use. */
    public enum Algorithm {
        LEIDEN("leiden"),
        LABEL_PROPAGATION("label-propagation");

        private final String id;

        Algorithm(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The algorithm with this id (case and surrounding blanks ignored); empty for an unknown id. */
        public static Optional<Algorithm> fromId(String id) {
            String wanted = id.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(a -> a.id.equals(wanted)).findFirst();
        }
    }

    /** Leiden's quality function by its id ({@code cpm}, {@code modularity}); empty for an unknown id. */
    public static Optional<LeidenClustering.Quality> qualityFromId(String id) {
        return switch (id.strip().toLowerCase(Locale.ROOT)) {
            case "cpm" -> Optional.of(LeidenClustering.Quality.CPM);
            case "modularity" -> Optional.of(LeidenClustering.Quality.MODULARITY);
            default -> Optional.empty();
        };
    }

    /** The id of a quality function, as {@link #qualityFromId} reads it. */
    public static String qualityId(LeidenClustering.Quality quality) {
        return quality.name().toLowerCase(Locale.ROOT);
    }
}
