package org.coordscope.datasets;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coordscope.security.AuditLog;
import org.coordscope.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/datasets")
class DatasetController {

    private final DatasetService datasets;
    private final DatasetLocks locks;
    private final AuditLog audit;

    DatasetController(DatasetService datasets, DatasetLocks locks, AuditLog audit) {
        this.datasets = datasets;
        this.locks = locks;
        this.audit = audit;
    }

    @GetMapping
    Page<DatasetService.DatasetInfo> list() {
        List<DatasetService.DatasetInfo> all = datasets.list();
        return Page.of(all);
    }

    @GetMapping("/{name}")
    ResponseEntity<DatasetService.DatasetInfo> one(@PathVariable String name) {
        return ResponseEntity.of(datasets.find(name));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, Principal principal) {
        try (var lease = locks.acquire(name, "deletion", "DELETE /api/datasets/" + name)) {
            Optional<DatasetService.DatasetInfo> before = datasets.find(name);
            if (before.isEmpty() || !datasets.delete(name)) {
                return ResponseEntity.notFound().build();
            }
            audit.record(
                    AuditLog.actor(principal),
                    "dataset.delete",
                    name,
                    Map.of(
                            "tweets",
                            before.get().counts().tweets(),
                            "accounts",
                            before.get().counts().accounts()));
            return ResponseEntity.noContent().build();
        }
    }
}
