package org.coordscope.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.detect.store.EvidenceExport;
import org.coordscope.explore.ClusterGraph;
import org.coordscope.explore.ClusterService;
import org.coordscope.explore.GraphService;
import org.coordscope.security.AuditLog;
import org.coordscope.web.NotFoundException;
import org.coordscope.web.ScoreParam;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads: suspects (CSV/JSON), one account's evidence (JSON), a cluster or a view (GEXF/GraphML). */
@RestController
@RequestMapping("/api/exports")
class ExportController {

    private final DetectionStore runs;
    private final ClusterService clusters;
    private final GraphService graphs;
    private final EvidenceExport evidence;
    private final ObjectMapper json;
    private final AuditLog audit;

    ExportController(
            DetectionStore runs,
            ClusterService clusters,
            GraphService graphs,
            EvidenceExport evidence,
            ObjectMapper json,
            AuditLog audit) {
        this.audit = audit;
        this.runs = runs;
        this.clusters = clusters;
        this.graphs = graphs;
        this.evidence = evidence;
        this.json = json;
    }

    /** Body of {@code POST /api/exports/graph}: the accounts of the current view. */
    record ViewRequest(
            String run,

            @NotEmpty(message = "must name at least one account") @Size(max = GraphService.MAX_NODES)
            List<@NotBlank String> accounts,

            @Pattern(regexp = "(?i)gexf|graphml", message = "must be gexf or graphml")
            String format) {}

    /**
     * Suspects of a run, of one cluster ({@code cluster}) or among chosen accounts ({@code accounts}); the
     * default lowest score is the suspect threshold for a whole run and 0 for a cluster or a selection.
     */
    @GetMapping("/suspects")
    ResponseEntity<byte[]> suspects(
            @RequestParam(required = false) String run,
            @RequestParam(required = false) String cluster,
            @RequestParam(required = false) List<String> accounts,
            @RequestParam(required = false) Double minScore,
            @RequestParam(required = false) String format,
            Principal principal)
            throws IOException {
        String f = SuspectExport.format(format);
        ScoreParam.check("minScore", minScore);
        String runId = cluster != null
                ? clusters.summary(cluster).run()
                : runs.resolve(run, null).runId();
        boolean whole = cluster == null && (accounts == null || accounts.isEmpty());
        double min = minScore != null ? minScore : whole ? DetectionService.defaultThreshold() : 0;
        List<DetectionStore.Suspect> suspects =
                runs.suspects(runId, min, cluster, accounts == null || accounts.isEmpty() ? null : accounts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SuspectExport.write(suspects, f, out);
        audit.record(
                AuditLog.actor(principal),
                "export.suspects",
                cluster != null ? cluster : runId,
                AuditLog.details(
                        "run",
                        runId,
                        "cluster",
                        cluster,
                        "accounts",
                        accounts == null ? null : accounts.size(),
                        "minScore",
                        min,
                        "format",
                        f,
                        "rows",
                        suspects.size()));
        String name = "suspects-" + (cluster != null ? cluster : runId) + "." + f;
        return attachment(
                out.toByteArray(),
                name,
                f.equals("csv")
                        ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON);
    }

    /** One account's evidence document, as {@code export evidence --account} writes it. */
    @GetMapping("/evidence")
    ResponseEntity<byte[]> evidence(
            @RequestParam(required = false) String run, @RequestParam String account, Principal principal)
            throws IOException {
        String runId = runs.resolve(run, null).runId();
        Map<String, Object> doc = evidence.evidence(runId, account)
                .orElseThrow(() ->
                        new NotFoundException("Account '" + account + "' is in no cluster of run " + runId + "."));
        byte[] body = json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc);
        audit.record(AuditLog.actor(principal), "export.evidence", account, AuditLog.details("run", runId));
        return attachment(body, "evidence-" + account + ".json", MediaType.APPLICATION_JSON);
    }

    /** A cluster's graph (all members, up to the graph caps). */
    @GetMapping("/graph")
    ResponseEntity<byte[]> cluster(
            @RequestParam String cluster, @RequestParam(required = false) String format, Principal principal)
            throws IOException {
        String f = GraphExport.format(format);
        ClusterGraph view = graphs.cluster(cluster, GraphService.MAX_NODES, GraphService.MAX_EDGES);
        audit.record(
                AuditLog.actor(principal),
                "export.graph",
                cluster,
                AuditLog.details(
                        "cluster",
                        cluster,
                        "format",
                        f,
                        "nodes",
                        view.nodes().size(),
                        "edges",
                        view.edges().size()));
        return graph(view, f, "cluster-" + cluster);
    }

    /** The current view: the given accounts and the run's edges among them. */
    @PostMapping("/graph")
    ResponseEntity<byte[]> view(@Valid @RequestBody ViewRequest request, Principal principal) throws IOException {
        String f = GraphExport.format(request.format());
        ClusterGraph view = graphs.accounts(request.run(), request.accounts(), GraphService.MAX_EDGES);
        audit.record(
                AuditLog.actor(principal),
                "export.graph",
                request.run(),
                AuditLog.details(
                        "run",
                        request.run(),
                        "accounts",
                        request.accounts().size(),
                        "format",
                        f,
                        "nodes",
                        view.nodes().size(),
                        "edges",
                        view.edges().size()));
        return graph(view, f, "view");
    }

    private static ResponseEntity<byte[]> graph(ClusterGraph view, String format, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphExport.write(view, format, out);
        return attachment(out.toByteArray(), name + "." + format, MediaType.APPLICATION_XML);
    }

    /** A download; the file name keeps only characters every file system takes. */
    private static ResponseEntity<byte[]> attachment(byte[] body, String name, MediaType type) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(
                ContentDisposition.attachment().filename(safe).build());
        return ResponseEntity.ok().headers(headers).body(body);
    }
}
