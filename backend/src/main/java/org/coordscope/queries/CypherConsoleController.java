package org.coordscope.queries;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Map;
import org.coordscope.security.AuditLog;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' read-only Cypher console: the saved queries' runner (READ session and transaction, plan
 * check, timeout, row cap, transaction memory limit) on a query of one's own. Every run is audited
 * ({@code query.cypher}), refused ones included.
 */
@RestController
@RequestMapping("/api/admin")
class CypherConsoleController {

    /** The longest query text taken, in characters. */
    static final int MAX_CYPHER = 20_000;

    private final QueryService queries;
    private final AuditLog audit;

    CypherConsoleController(QueryService queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /** Body: {@code {"cypher": "MATCH (a:Account {dataset: $d}) RETURN a LIMIT 5", "params": {"d": "x"}}}. */
    record CypherRequest(
            @NotBlank(message = "must hold a query") @Size(max = MAX_CYPHER)
            String cypher,

            Map<String, Object> params) {}

    @PostMapping("/cypher")
    QueryService.QueryResult run(@Valid @RequestBody CypherRequest request, Principal principal) {
        Map<String, Object> params = request.params() == null ? Map.of() : request.params();
        return QueryController.audited(
                audit,
                AuditLog.actor(principal),
                "query.cypher",
                request.cypher(),
                params,
                () -> queries.runAdHoc(request.cypher(), params));
    }
}
