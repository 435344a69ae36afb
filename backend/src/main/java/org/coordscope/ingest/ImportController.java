package org.coordscope.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coordscope.datasets.DatasetService;
import org.coordscope.security.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
class ImportController {

    private final ImportJobs jobs;
    private final DatasetService datasets;

    ImportController(ImportJobs jobs, DatasetService datasets) {
        this.jobs = jobs;
        this.datasets = datasets;
    }

    @GetMapping("/formats")
    List<Map<String, String>> formats() {
        return Arrays.stream(SourceFormat.values())
                .map(f -> Map.of("id", f.id(), "description", f.description()))
                .toList();
    }

    /** Uploads files and starts their import; poll the returned job. */
    @PostMapping(path = "/imports", consumes = "multipart/form-data")
    ResponseEntity<ImportJobs.ImportJob> start(
            @RequestParam("files") List<MultipartFile> files,
            @RequestParam("format") String format,
            @RequestParam(name = "dataset", required = false) String dataset,
            @RequestParam(name = "map", required = false) String mapping,
            Principal principal)
            throws IOException {
        SourceFormat sourceFormat = parseFormat(format);
        if (files.isEmpty() || files.stream().allMatch(MultipartFile::isEmpty)) {
            throw new IllegalArgumentException("No file uploaded: send one or more 'files' parts.");
        }
        for (MultipartFile file : files) {
            UploadCheck.check(file);
        }
        Path workDir = ImportJobs.newWorkDir();
        List<ImportFile> stored = new ArrayList<>();
        for (MultipartFile file : files) {
            // Only the base name: an uploaded name must never choose a path outside the upload directory.
            String name = StringUtils.getFilename(StringUtils.cleanPath(String.valueOf(file.getOriginalFilename())));
            String displayName = name == null || name.isBlank() ? "upload" : name;
            Path target = workDir.resolve(stored.size() + "-" + displayName);
            file.transferTo(target);
            stored.add(ImportFile.of(target, displayName));
        }
        String name = StringUtils.hasText(dataset)
                ? dataset.strip()
                : stripExtensions(
                        StringUtils.getFilename(String.valueOf(files.get(0).getOriginalFilename())));
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(jobs.submit(AuditLog.actor(principal), name, sourceFormat, mapping, stored, workDir));
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(workDir);
            throw e;
        }
    }

    @GetMapping("/imports")
    List<ImportJobs.ImportJob> all() {
        return jobs.all();
    }

    @GetMapping("/imports/{id}")
    ResponseEntity<ImportJobs.ImportJob> job(@PathVariable String id) {
        return ResponseEntity.of(jobs.find(id));
    }

    private static SourceFormat parseFormat(String format) {
        return SourceFormat.of(format);
    }

    private static String stripExtensions(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload";
        }
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
