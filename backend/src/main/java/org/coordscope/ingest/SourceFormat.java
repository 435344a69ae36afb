package org.coordscope.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.coordscope.ingest.read.ColumnMapping;
import org.coordscope.ingest.read.InfoOpsReader;
import org.coordscope.ingest.read.SharesReader;
import org.coordscope.ingest.read.SourceReader;
import org.coordscope.ingest.read.Twarc2Reader;
import org.coordscope.ingest.read.telegram.TelegramReader;

/** The source formats an import understands, described as data so the CLI, the API and the UI list the same. */
public enum SourceFormat {
    INFOOPS(
            "infoops",
            "Twitter Information Operations archive: tweets and users CSV files (plain, .gz or .zip;"
                    + " told apart by their header)",
            false),
    TWARC2("twarc2", "Twitter API v2 JSON Lines as twarc2 writes them: raw response pages or flattened tweets", false),
    SHARES(
            "shares",
            "Any CSV with one row per share, mapped to columns by a spec such as"
                    + " account=author_id,time=publish_date,text=content; presets: coortweet (the default when the"
                    + " columns fit) and ira (fivethirtyeight russian-troll-tweets)",
            true),
    TELEGRAM(
            "telegram",
            "Telegram: a Telegram Desktop export (result.json of one chat or the full export) or"
                    + " Telethon JSON Lines (Message.to_dict() per line); plain, .gz or .zip; told apart by content",
            false);

    private final String id;
    private final String description;
    private final boolean takesMapping;

    SourceFormat(String id, String description, boolean takesMapping) {
        this.id = id;
        this.description = description;
        this.takesMapping = takesMapping;
    }

    /** As typed on the command line and sent by the UI. */
    public String id() {
        return id;
    }

    /** One sentence for a user choosing a format. */
    public String description() {
        return description;
    }

    /**
     * The platform the posts and accounts of this format come from, stored on each as {@code platform}, so one
     * dataset can hold several and a cluster can span them: {@code telegram} for Telegram, {@code twitter} for the
     * others (the shares presets and the files they fit are Twitter's).
     */
    public String platform() {
        return this == TELEGRAM ? "telegram" : "twitter";
    }

    /** Whether {@link #reader(String)} takes a column-mapping spec ({@link ColumnMapping}). */
    public boolean takesMapping() {
        return takesMapping;
    }

    /**
     * A reader for this format.
     *
     * @param mapSpec for {@link #SHARES} a {@link ColumnMapping} spec or preset name, null for "choose a preset by
     *                the file's header"; must be null (or blank) for the other formats
     * @throws IllegalArgumentException for a bad spec, or a spec given to a format that takes none
     */
    public SourceReader reader(String mapSpec) {
        boolean hasSpec = mapSpec != null && !mapSpec.isBlank();
        if (hasSpec && !takesMapping) {
            throw new IllegalArgumentException(
                    "a column mapping applies to the shares format only; the " + id + " format knows its columns");
        }
        return switch (this) {
            case INFOOPS -> new InfoOpsReader();
            case TWARC2 -> new Twarc2Reader();
            case SHARES -> new SharesReader(hasSpec ? ColumnMapping.parse(mapSpec) : null);
            case TELEGRAM -> new TelegramReader();
        };
    }

    /**
     * The format with this id, ignoring case.
     *
     * @throws IllegalArgumentException listing the formats
     */
    public static SourceFormat of(String id) {
        for (SourceFormat format : values()) {
            if (format.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'; the formats are "
                + Arrays.stream(values()).map(f -> f.id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
