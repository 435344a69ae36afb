package org.coordscope.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What to import.
 *
 * @param dataset    the dataset the records belong to (ids are unique per dataset)
 * @param format     the source format
 * @param mapping    the column mapping or preset, {@code shares} only; null for the format's default
 * @param files      the files, in any order
 * @param maxErrors  stop once more rows than this were bad (the good rows written so far stay)
 * @param reportFile where the bad-row report (file, line, field, reason) is written when there are bad rows
 */
public record ImportRequest(
        String dataset, SourceFormat format, String mapping, List<ImportFile> files, long maxErrors, Path reportFile) {

    public static final long DEFAULT_MAX_ERRORS = 1000;

    public ImportRequest {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("A dataset name is required (--dataset NAME).");
        }
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("No file to import: name at least one.");
        }
        files = List.copyOf(files);
    }
}
