package dev.buyonce.app.edge;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test sources only: an endpoint with a defect, to see how the service answers one. */
@RestController
class TestOnlyDefects {

    @PostMapping("/test-only/defect")
    String defect() {
        throw new IllegalStateException("a defect planted by the tests");
    }
}
