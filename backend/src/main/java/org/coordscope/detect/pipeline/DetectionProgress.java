package org.coordscope.detect.pipeline;

/** Told as a detection run moves through its phases. */
@FunctionalInterface
public interface DetectionProgress {

    DetectionProgress NONE = (phase, fraction, message) -> {};

    /**
     * @param phase short name: {@code reading}, {@code graph}, {@code communities},
     *     {@code scoring}, {@code writing}, {@code done}
     * @param fraction share of the whole run done, 0 to 1 (a rough guide)
     * @param message what happened, for a person
     */
    void update(String phase, double fraction, String message);
}
