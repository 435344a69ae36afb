package org.coordscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.coordscope.generate.TelegramWorldGenerator;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: writes a seeded synthetic world (tweets in the Information Operations archive layout,
 * users, ground truth) for demos, tests and benchmarks. Pure Java: no database, no Spring context. Progress
 * and the summary go to stderr; stdout stays empty.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write a seeded synthetic Twitter world with planted coordinated groups and its ground truth:",
            "tweets.csv (Information Operations archive layout), users.csv, truth.csv (account_id,group,kind), groups.csv.",
            "With --format telegram: the same world as a Telegram Desktop full export in Persian (result.json with",
            "chats.list, state channels forwarded by planted rings), truth.csv and groups.csv.",
            "The same options and seed always give byte-identical files."
        })
public class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--accounts", required = true, paramLabel = "N", description = "Accounts in the world.")
    int accounts;

    @Option(
            names = "--groups",
            required = true,
            paramLabel = "K",
            description = "Planted coordinated groups (0 for none).")
    int groups;

    @Option(
            names = "--tweets",
            paramLabel = "T",
            description =
                    "Rows of tweets.csv in all (default: " + WorldSpec.DEFAULT_TWEETS_PER_ACCOUNT + " per account).")
    Long tweets;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "infoops",
            completionCandidates = Formats.class,
            description = "infoops (tweets.csv, users.csv: the Information Operations archive layout) or telegram"
                    + " (result.json: a Telegram Desktop full export); default: ${DEFAULT-VALUE}.")
    String format;

    /** The layouts {@code --format} accepts. */
    static final class Formats extends java.util.ArrayList<String> {
        Formats() {
            super(List.of("infoops", "telegram"));
        }
    }

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of everything random.")
    long seed;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output directory (created if missing; files of an earlier run there are replaced).")
    Path out;

    @Option(
            names = "--start",
            paramLabel = "YYYY-MM-DD",
            description = "First day of the period (default: ${DEFAULT-VALUE}).",
            defaultValue = "2021-03-01")
    LocalDate start;

    @Option(
            names = "--days",
            paramLabel = "D",
            description = "Length of the period in days (default: ${DEFAULT-VALUE}).",
            defaultValue = "60")
    int days;

    @Option(
            names = "--min-group-size",
            paramLabel = "M",
            defaultValue = "8",
            description = "Smallest group (default: ${DEFAULT-VALUE}).")
    int minGroupSize;

    @Option(
            names = "--max-group-size",
            paramLabel = "M",
            defaultValue = "60",
            description = "Largest group (default: ${DEFAULT-VALUE}).")
    int maxGroupSize;

    @Option(
            names = "--fast-share",
            paramLabel = "F",
            defaultValue = "0.5",
            description =
                    "Share of groups acting within the same minute; the rest spread over 10-20 minutes (default: ${DEFAULT-VALUE}).")
    double fastShare;

    @Option(
            names = "--participation",
            paramLabel = "P",
            defaultValue = "0.8",
            description = "Mean chance a member joins a group action (default: ${DEFAULT-VALUE}).")
    double participation;

    @Option(
            names = "--campaign-share",
            paramLabel = "C",
            defaultValue = "0.6",
            description =
                    "Mean share of a member's tweets that are campaign actions, the rest camouflage (default: ${DEFAULT-VALUE}).")
    double campaignShare;

    @Option(
            names = "--trait-share",
            paramLabel = "R",
            defaultValue = "0.75",
            description = "Chance a member shows each give-away trait (default: ${DEFAULT-VALUE}).")
    double traitShare;

    @Option(
            names = "--hashed-share",
            paramLabel = "H",
            defaultValue = "0.5",
            description = "Share of accounts under 5,000 followers with hashed ids (default: ${DEFAULT-VALUE}).")
    double hashedShare;

    @Option(
            names = "--storms",
            paramLabel = "S",
            defaultValue = "-1",
            description = "Breaking-news storms (default: one per 25,000 tweets, at least 2).")
    int storms;

    @Option(
            names = "--fan-clusters",
            paramLabel = "F",
            defaultValue = "-1",
            description = "Organic fan clusters (default: one per 800 accounts, at least 1).")
    int fanClusters;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = commandSpec.commandLine().getErr();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(commandSpec.commandLine(), "--out " + out + " is a file; give a directory");
        }
        boolean telegram = format.equalsIgnoreCase("telegram");
        if (!telegram && !format.equalsIgnoreCase("infoops")) {
            throw new ParameterException(
                    commandSpec.commandLine(), "--format must be infoops or telegram; got '" + format + "'");
        }
        WorldSpec spec;
        try {
            spec = WorldSpec.builder(accounts, groups, seed)
                    .tweets(tweets == null ? -1 : tweets)
                    .start(start)
                    .days(days)
                    .groupSizes(minGroupSize, maxGroupSize)
                    .fastShare(fastShare)
                    .participation(participation)
                    .campaignShare(campaignShare)
                    .traitShare(traitShare)
                    .hashedShare(hashedShare)
                    .storms(storms)
                    .fanClusters(fanClusters)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandSpec.commandLine(), e.getMessage(), e);
        }
        err.printf(
                Locale.ROOT,
                "generate: %,d accounts, %d groups, %,d %s, seed %d -> %s%n",
                spec.accounts(),
                spec.groups(),
                spec.tweets(),
                telegram ? "messages" : "tweets",
                spec.seed(),
                out);
        err.flush();
        long began = System.nanoTime();
        long[] lastPrint = {began};
        long[] writing = {began};
        boolean[] finished = {false};
        WorldGenerator.Progress report = (stage, done, total) -> {
            long now = System.nanoTime();
            if (stage.equals("plan")) {
                writing[0] = now;
                err.printf(
                        Locale.ROOT,
                        "  planned %,d %s in %.1f s (%struth.csv, groups.csv written)%n",
                        total,
                        telegram ? "messages" : "tweets",
                        (now - began) / 1e9,
                        telegram ? "" : "users.csv, ");
                err.flush();
            } else if (!finished[0] && (now - lastPrint[0] >= 1_000_000_000L || done == total)) {
                lastPrint[0] = now;
                finished[0] = done == total;
                double seconds = Math.max(1e-9, (now - writing[0]) / 1e9);
                err.printf(Locale.ROOT, "  %s: %,d / %,d rows (%,.0f rows/s)%n", stage, done, total, done / seconds);
                err.flush();
            }
        };
        WorldGenerator.Summary summary = telegram
                ? new TelegramWorldGenerator(spec).write(out, report)
                : new WorldGenerator(spec).write(out, report);
        err.printf(
                Locale.ROOT,
                "wrote %,d %s of %,d accounts (%d groups, %,d members; %,d retweetable posts "
                        + "by accounts outside the world) in %.1f s:%n",
                summary.tweets(),
                telegram ? "messages" : "tweets",
                summary.accounts(),
                summary.groups(),
                summary.groupMembers(),
                summary.outsidePosts(),
                summary.seconds());
        for (Path file : summary.files()) {
            err.printf(Locale.ROOT, "  %-12s %,14d bytes%n", file.getFileName(), Files.size(file));
        }
        err.flush();
        return 0;
    }
}
