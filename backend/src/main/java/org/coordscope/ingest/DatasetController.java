package org.coordscope.ingest;

import java.util.List;
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

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
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
    ResponseEntity<Void> delete(@PathVariable String name) {
        return datasets.delete(name) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
