package org.coordscope.detect.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.pipeline.AccountTraits;
import org.coordscope.detect.pipeline.SignalData;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.SignalKind;
import org.neo4j.driver.Driver;

/**
 * What detection reads of a dataset as lines, so that an importer's projection and a read of the store compare
 * line by line: every signal (co-domain included), accounts with their traits, actions sorted (their order is all
 * two reads may differ in), retweeted originals, texts with their signatures.
 */
public final class ProjectionDump {

    private ProjectionDump() {}

    public static List<String> dump(ActionLoader.Loaded loaded) throws IOException {
        SignalData d = loaded.data();
        AccountTraits t = loaded.traits();
        List<String> out = new ArrayList<>();
        out.add("posts " + loaded.posts() + ", resolution " + d.resolutionSeconds);
        for (int a = 0; a < d.accountIds.size(); a++) {
            out.add("account " + d.accountIds.get(a) + " " + t.created[a] + " " + t.followers[a] + " "
                    + t.emptyProfile[a] + " " + t.posts[a] + " " + t.retweets[a] + " "
                    + (t.client[a] < 0 ? "-" : t.clients.get(t.client[a])));
        }
        for (Map.Entry<SignalKind, Actions> e : d.actions.entrySet()) {
            List<String> keys = d.objectKeys.get(e.getKey());
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                int o = e.getValue().object(i);
                rows.add(e.getKey().id() + " " + d.accountIds.get(e.getValue().account(i)) + " " + o + "=" + keys.get(o)
                        + " " + e.getValue().time(i));
            }
            Collections.sort(rows);
            out.addAll(rows);
        }
        for (int o = 0; o < d.retweetedAuthor.size(); o++) {
            int author = d.retweetedAuthor.getInt(o);
            out.add("retweeted " + o + " by " + (author < 0 ? "-" : d.authorIds.get(author)) + " at "
                    + d.retweetedTime.getLong(o));
        }
        out.add("texts " + loaded.texts().postIds());
        ByteArrayOutputStream signatures = new ByteArrayOutputStream();
        loaded.texts().signatures().write(new DataOutputStream(signatures));
        out.add("signatures " + Base64.getEncoder().encodeToString(signatures.toByteArray()));
        return out;
    }

    /** What the store behind {@code driver} holds of {@code dataset}, every signal read. */
    public static List<String> ofStore(Driver driver, String dataset) throws IOException {
        return dump(new ActionLoader(driver)
                .load(dataset, ProjectionBuilder.everySignalOptions(), (phase, fraction, message) -> {}, 0, 1));
    }

    /** The projection of {@code dataset} kept in {@code directory}, which must be usable at {@code revision}. */
    public static List<String> ofFile(Path directory, String dataset, String revision) throws IOException {
        DetectionProjection.Lookup found =
                DetectionProjection.in(directory).read(dataset, revision, ProjectionBuilder.everySignalOptions());
        assertThat(found.why())
                .as("why the projection in %s is not used", directory)
                .isNull();
        return dump(found.loaded());
    }

    /** The revision a projection file is stamped with (after its magic, reader and dataset). */
    public static String revisionOf(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.readInt();
            in.readInt();
            in.readUTF();
            return in.readUTF();
        }
    }

    /** The two dumps are equal, compared line by line so that a difference shows as one line. */
    public static void assertSame(List<String> actual, List<String> expected) {
        assertThat(expected).hasSizeGreaterThan(2);
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            assertThat(actual.get(i)).as("line %d of what detection reads", i).isEqualTo(expected.get(i));
        }
        assertThat(actual).hasSameSizeAs(expected);
    }
}
