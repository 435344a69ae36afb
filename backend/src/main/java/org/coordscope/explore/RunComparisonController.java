package org.coordscope.explore;

import org.coordscope.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RunComparisonController {

    private final RunComparison comparison;

    RunComparisonController(RunComparison comparison) {
        this.comparison = comparison;
    }

    /** Accounts that entered, left or changed cluster from run {@code from} to run {@code to}; each list paged. */
    @GetMapping("/api/runs/compare")
    RunComparison.Comparison compare(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return comparison.compare(from, to, Page.Request.of(page, size));
    }
}
