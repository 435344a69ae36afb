package org.coordscope.explore;

import org.coordscope.web.Page;
import org.coordscope.web.ScoreParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A run's clusters, one cluster with its members, its graph and its activity. Cluster ids carry a slash: %2F. */
@RestController
@RequestMapping("/api/clusters")
class ClusterController {

    private final ClusterService clusters;
    private final GraphService graphs;

    ClusterController(ClusterService clusters, GraphService graphs) {
        this.clusters = clusters;
        this.graphs = graphs;
    }

    @GetMapping
    Page<ClusterService.ClusterSummary> list(
            @RequestParam(required = false) String run,
            @RequestParam(required = false) String dataset,
            @RequestParam(required = false) Double minScore,
            @RequestParam(required = false) String signal,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return clusters.list(
                new ClusterService.Filter(run, dataset, ScoreParam.check("minScore", minScore), signal, sort, dir),
                Page.Request.of(page, size));
    }

    @GetMapping("/{id}")
    ClusterService.ClusterDetail detail(
            @PathVariable String id,
            @RequestParam(required = false) Integer memberPage,
            @RequestParam(required = false) Integer memberSize) {
        return clusters.detail(id, Page.Request.of(memberPage, memberSize, "memberPage", "memberSize"));
    }

    @GetMapping("/{id}/graph")
    ClusterGraph graph(
            @PathVariable String id,
            @RequestParam(defaultValue = "" + GraphService.DEFAULT_NODE_LIMIT) int limit,
            @RequestParam(defaultValue = "" + GraphService.DEFAULT_EDGE_LIMIT) int edgeLimit) {
        return graphs.cluster(id, limit, edgeLimit);
    }

    @GetMapping("/{id}/activity")
    Activity activity(
            @PathVariable String id, @RequestParam(defaultValue = "" + Activity.DEFAULT_BUCKETS) int buckets) {
        return clusters.activity(id, buckets);
    }
}
