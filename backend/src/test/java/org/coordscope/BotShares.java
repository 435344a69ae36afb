package org.coordscope;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny shares CSV (CooRTweet columns) with one coordinated group: four accounts retweet the same ten posts
 * within seconds; two others retweet once, hours apart (an object every account touched would carry no weight:
 * ln(N / N) = 0). The bots' ids start with {@code +}, as hashed Info Ops ids may, so ids are checked exact.
 * With no profile to add traits, a group this small needs about that much repetition to score.
 */
public final class BotShares {

    /** Data rows (shares) in {@link #lines()}. */
    public static final int ROWS = 4 * 10 + 2;

    private BotShares() {}

    /** The header and {@link #ROWS} rows. */
    public static List<String> lines() {
        List<String> lines = new ArrayList<>(List.of("object_id,account_id,content_id,timestamp_share"));
        int post = 0;
        for (int o = 0; o < 10; o++) {
            for (int b = 0; b < 4; b++) {
                lines.add("orig" + o + ",+bot" + b + ",p" + post++ + "," + (1_600_000_000L + o * 3600 + b * 5));
            }
        }
        lines.add("orig0,human1,p" + post++ + ",1600050000");
        lines.add("orig1,human2,p" + post + ",1600090000");
        return lines;
    }
}
