package dev.buyonce.app.edge;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test sources only: an endpoint with a defect, and one whose database is out of reach, to see the answers. */
@RestController
class TestOnlyDefects {

    @PostMapping("/test-only/defect")
    String defect() {
        throw new IllegalStateException("a defect planted by the tests");
    }

    /** What a request meets while PostgreSQL restarts: Spring cannot open a transaction, no connection comes. */
    @PostMapping("/test-only/database-gone")
    String databaseGone() {
        throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JPA EntityManager",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, planted by the tests"));
    }
}
