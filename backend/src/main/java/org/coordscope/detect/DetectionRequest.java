package org.coordscope.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coordscope.detect.pipeline.PipelineSettings;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.SignalKind;
import org.coordscope.web.InvalidFieldException;

/**
 * What to detect: the dataset, the coordination-graph options by id ({@link DetectionOptions#describe()};
 * the time resolution is detected from the data and need not be given), and the community algorithm.
 *
 * @param dataset the dataset; null means "the only one" (an error when there are several)
 * @param options detection options by id, e.g. {@code co-retweet.window=60}; null or empty for the defaults
 * @param algorithm {@code leiden} (default) or {@code label-propagation} (JGraphT's, as a baseline)
 * @param quality {@code cpm} (default) or {@code modularity}, for Leiden
 * @param resolution Leiden's resolution gamma; default 1.0
 * @param seed the seed of the community algorithm; default 42
 */
public record DetectionRequest(
        String dataset, Map<String, String> options, String algorithm, String quality, Double resolution, Long seed) {

    public DetectionRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
        algorithm = algorithm == null || algorithm.isBlank()
                ? PipelineSettings.DEFAULTS.algorithm().id()
                : algorithm.strip().toLowerCase(Locale.ROOT);
        if (PipelineSettings.Algorithm.fromId(algorithm).isEmpty()) {
            throw new InvalidFieldException(
                    "algorithm", "algorithm must be leiden or label-propagation, not '" + algorithm + "'");
        }
        quality = quality == null || quality.isBlank()
                ? PipelineSettings.qualityId(PipelineSettings.DEFAULT_QUALITY)
                : quality.strip().toLowerCase(Locale.ROOT);
        if (PipelineSettings.qualityFromId(quality).isEmpty()) {
            throw new InvalidFieldException("quality", "quality must be modularity or cpm, not '" + quality + "'");
        }
        resolution = resolution == null ? PipelineSettings.DEFAULT_RESOLUTION : resolution;
        if (!(resolution > 0) || resolution.isInfinite()) {
            throw new InvalidFieldException("resolution", "resolution must be positive: " + resolution);
        }
        seed = seed == null ? PipelineSettings.DEFAULT_SEED : seed;
        try {
            DetectionOptions.defaults().with(options); // validates ids and values now, not in the background
        } catch (InvalidFieldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("options", e.getMessage());
        }
    }

    /** The defaults for a dataset. */
    public static DetectionRequest of(String dataset) {
        return new DetectionRequest(dataset, Map.of(), null, null, null, null);
    }

    /** The request with another dataset. */
    public DetectionRequest withDataset(String name) {
        return new DetectionRequest(name, options, algorithm, quality, resolution, seed);
    }

    /** The defaults with {@link #options()} applied. */
    public DetectionOptions detectionOptions() {
        return DetectionOptions.defaults().with(options);
    }

    /** The community settings the pipeline takes (already checked by the constructor). */
    public PipelineSettings pipelineSettings() {
        return new PipelineSettings(
                PipelineSettings.Algorithm.fromId(algorithm).orElseThrow(),
                PipelineSettings.qualityFromId(quality).orElseThrow(),
                resolution,
                seed);
    }

    /**
     * Options for the CLI's shorthand: only {@code signals} enabled (all signals when null), and, when
     * given, the same window and minimum support for each of them.
     */
    public static Map<String, String> shorthand(List<String> signals, Long windowSeconds, Integer minSupport) {
        Map<String, String> m = new LinkedHashMap<>();
        if (signals != null && !signals.isEmpty()) {
            for (String s : signals) {
                SignalKind.fromId(s.strip());
            }
            for (SignalKind k : SignalKind.values()) {
                m.put(
                        k.id() + ".enabled",
                        String.valueOf(signals.stream().anyMatch(s -> s.strip().equals(k.id()))));
            }
        }
        for (SignalKind k : SignalKind.values()) {
            if (windowSeconds != null) {
                m.put(k.id() + ".window", String.valueOf(windowSeconds));
            }
            if (minSupport != null) {
                m.put(k.id() + ".min-support", String.valueOf(minSupport));
            }
        }
        return m;
    }
}
