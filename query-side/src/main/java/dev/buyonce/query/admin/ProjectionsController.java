package dev.buyonce.query.admin;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProjectionsController {
    private final Projections projections;

    ProjectionsController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping("/api/admin/projections")
    List<Projections.ProcessorView> all() {
        return projections.all();
    }

    @GetMapping("/api/admin/projections/{name}")
    Projections.ProcessorView one(@PathVariable String name) {
        return projections.find(name).orElseThrow(() -> notFound(name));
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Projections.ProcessorView replay(@PathVariable String name) {
        if (!projections.replay(name)) {
            throw notFound(name);
        }
        return projections.find(name).orElseThrow(() -> notFound(name));
    }

    private static RuleViolation notFound(String name) {
        return new RuleViolation(ErrorCode.NOT_FOUND, "no projection named " + name);
    }
}
