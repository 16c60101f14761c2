package dev.buyonce.app.deadletter;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The parked events of each asynchronous processor, and handing them to it again (admin only, like all of /api/admin). */
@RestController
class DeadLettersController {
    private final ProcessorDeadLetters deadLetters;

    DeadLettersController(ProcessorDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/dead-letters")
    List<ProcessorDeadLetters.ProcessorLetters> all() {
        return deadLetters.all();
    }

    @PostMapping("/api/admin/dead-letters/{processor}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProcessorDeadLetters.RetryOutcome retry(@PathVariable String processor) {
        return deadLetters.retry(processor).orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                "no processor with a dead-letter queue named " + processor));
    }
}
