package org.coordscope.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.coordscope.detect.pipeline.ClusterScorer;
import org.coordscope.generate.GroupKind;

/**
 * Accuracy per kind of planted group (issue 14) on one measured world: for each {@link GroupKind}, precision,
 * recall and F1 of its members; and the organic accounts flagged, by the organic crowd they joined (storm, fan,
 * hashtag-storm, proverb, or none).
 *
 * <p>Recall of kind K: the members of K's groups that are suspects, over K's members. Precision of K: a suspect
 * cluster is K's when most of its suspects belong to K's groups; of the suspects in K's clusters, the share that
 * belong to K's groups (an organic suspect in a campaign's cluster costs the campaign's precision).
 */
record KindAccuracy(Map<String, Figures> byKind, Map<String, Integer> organicFlagged) {

    record Figures(int members, int found, int claimed, int claimedRight) {
        double precision() {
            return claimed == 0 ? (found == 0 ? 0 : 1) : (double) claimedRight / claimed;
        }

        double recall() {
            return members == 0 ? 0 : (double) found / members;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static KindAccuracy of(WorldAccuracy.Result r, Path dir) throws IOException {
        Map<String, String> kinds = WorldAccuracy.kinds(dir.resolve("truth.csv"));
        Map<String, String> groups = WorldAccuracy.truth(dir.resolve("truth.csv"));
        Set<String> flagged = r.flaggedIds();
        Map<String, int[]> counts = new TreeMap<>();
        for (GroupKind k : GroupKind.values()) {
            counts.put(k.id(), new int[4]);
        }
        Map<String, Integer> organic = new TreeMap<>();
        kinds.forEach((id, kind) -> {
            boolean member = !WorldAccuracy.ORGANIC.equals(groups.get(id));
            if (member) {
                int[] c = counts.get(kind);
                c[0]++;
                c[1] += flagged.contains(id) ? 1 : 0;
            } else if (flagged.contains(id)) {
                organic.merge(kind, 1, Integer::sum);
            }
        });
        // each suspect cluster claimed by the kind most of its suspects belong to
        var a = r.analysis();
        for (ClusterScorer.Scored s : a.scored()) {
            Map<String, Integer> votes = new HashMap<>();
            int suspects = 0;
            for (int m = 0; m < s.members().length; m++) {
                if (s.memberScore()[m] >= ClusterScorer.DEFAULT_THRESHOLD) {
                    String id = r.ids().get(s.members()[m]);
                    String kind = WorldAccuracy.ORGANIC.equals(groups.get(id)) ? "organic" : kinds.get(id);
                    votes.merge(kind, 1, Integer::sum);
                    suspects++;
                }
            }
            if (suspects == 0) {
                continue;
            }
            String owner = votes.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow()
                    .getKey();
            int[] c = counts.get(owner);
            if (c != null) {
                c[2] += suspects;
                c[3] += votes.get(owner);
            }
        }
        Map<String, Figures> out = new TreeMap<>();
        counts.forEach((k, c) -> {
            if (c[0] > 0) {
                out.put(k, new Figures(c[0], c[1], c[2], c[3]));
            }
        });
        return new KindAccuracy(out, organic);
    }

    /** {@code | kind | members | found | P | R | F1 |} cells, one kind per cell group: "campaign 0.98/1.00/0.99". */
    String cells() {
        StringBuilder b = new StringBuilder();
        byKind.forEach((k, f) -> b.append(String.format(
                " %s %d/%d P %.3f R %.3f F1 %.3f;", k, f.found(), f.members(), f.precision(), f.recall(), f.f1())));
        b.append(" organic flagged ").append(organicFlagged.isEmpty() ? "0" : organicFlagged.toString());
        return b.toString();
    }
}
