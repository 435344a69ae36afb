package org.coordscope.detect.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionOptionsTest {

    @Test
    void describeListsEveryOptionOnceWithItsDefault() {
        List<DetectionOption> all = DetectionOptions.describe();
        assertThat(all)
                .extracting(DetectionOption::id)
                .doesNotHaveDuplicates()
                .contains(
                        "resolution",
                        "co-retweet.window",
                        "co-hashtag.min-support",
                        "near-text.threshold",
                        "co-link.max-pairs-per-action",
                        "co-domain.enabled");
        assertThat(all).hasSize(3 + 7 * SignalKind.values().length + 6);
        assertThat(all).allSatisfy(o -> assertThat(o.description()).isNotBlank());
        Map<String, Object> defaults = DetectionOptions.defaults().values();
        assertThat(all).allSatisfy(o -> assertThat(o.defaultValue()).isEqualTo(defaults.get(o.id())));
        assertThat(defaults)
                .containsEntry("co-retweet.window", 60L)
                .containsEntry("co-retweet.slow-window", 1_800L)
                .containsEntry("co-hashtag.window", 300L)
                .containsEntry("co-domain.enabled", false)
                .containsEntry("near-text.threshold", 0.6);
    }

    @Test
    void optionsAreSetByIdAndRoundTrip() {
        DetectionOptions o = DetectionOptions.defaults()
                .with(Map.of(
                        "co-retweet.window", "30",
                        "co-domain.enabled", "true",
                        "resolution", "60",
                        "near-text.threshold", "0.7"));
        assertThat(o.signal(SignalKind.CO_RETWEET).windowSeconds()).isEqualTo(30);
        assertThat(o.signal(SignalKind.CO_DOMAIN).enabled()).isTrue();
        assertThat(o.resolutionSeconds()).isEqualTo(60);
        assertThat(o.nearText().threshold()).isEqualTo(0.7);
        DetectionOptions back = DetectionOptions.defaults();
        for (Map.Entry<String, Object> e : o.values().entrySet()) {
            back = back.with(e.getKey(), String.valueOf(e.getValue()));
        }
        assertThat(back).isEqualTo(o);
    }

    @Test
    void badValuesAreRejected() {
        DetectionOptions d = DetectionOptions.defaults();
        assertThatThrownBy(() -> d.with("co-retweet.windw", "30")).hasMessageContaining("unknown");
        assertThatThrownBy(() -> d.with("co-retweet.window", "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.with("co-retweet.window", "abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> d.with("co-retweet.enabled", "yes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.with("near-text.threshold", "1.5")).isInstanceOf(IllegalArgumentException.class);
    }
}
