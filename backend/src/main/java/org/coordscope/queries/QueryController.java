package org.coordscope.queries;

import java.util.List;
import java.util.Map;
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

    QueryController(QueryService queries) {
        this.queries = queries;
    }

    /** Body of a run: {@code {"params": {"tag": "vote", "limit": 10}}}. */
    record RunRequest(Map<String, Object> params) {
    }

    /** The catalogue (a plain list: it is short and not paged). */
    @GetMapping
    List<SavedQuery> list() {
        return queries.catalogue();
    }

    @PostMapping("/{name}/run")
    QueryService.QueryResult run(@PathVariable String name, @RequestBody(required = false) RunRequest request) {
        return queries.run(name, request == null ? Map.of() : request.params());
    }
}
