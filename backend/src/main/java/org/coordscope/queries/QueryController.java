package org.coordscope.queries;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.coordscope.security.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/queries")
class QueryController {

    private final QueryService queries;
    private final AuditLog audit;

    QueryController(QueryService queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /** Body of a run: {@code {"params": {"tag": "vote", "limit": 10}}}. */
    record RunRequest(Map<String, Object> params) {}

    /** The catalogue (a plain list: it is short and not paged). */
    @GetMapping
    List<SavedQuery> list() {
        return queries.catalogue();
    }

    @PostMapping("/{name}/run")
    QueryService.QueryResult run(
            @PathVariable String name, @RequestBody(required = false) RunRequest request, Principal principal) {
        Map<String, Object> params = request == null || request.params() == null ? Map.of() : request.params();
        return audited(audit, AuditLog.actor(principal), "query.run", name, params, () -> queries.run(name, params));
    }

    /**
     * Runs a query and records it: the parameters, the rows answered and whether the cap cut them, or the error
     * when it was refused or failed (a refused write attempt is worth knowing about).
     */
    static QueryService.QueryResult audited(
            AuditLog audit,
            String actor,
            String action,
            String target,
            Map<String, Object> params,
            Supplier<QueryService.QueryResult> run) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("params", params);
        try {
            QueryService.QueryResult result = run.get();
            details.put("rows", result.rows().size());
            details.put("truncated", result.truncated());
            audit.record(actor, action, target, details);
            return result;
        } catch (RuntimeException e) {
            details.put("error", String.valueOf(e.getMessage()));
            audit.record(actor, action, target, details);
            throw e;
        }
    }
}
