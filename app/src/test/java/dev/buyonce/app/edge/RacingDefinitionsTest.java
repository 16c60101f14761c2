package dev.buyonce.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.seats.Programs;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Concurrently;
import dev.buyonce.app.support.Tokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * First definitions of one product or program id, racing: one creates it (201), the others find it with the same
 * body (200). None is answered 500, though every racer tries to start the same event stream.
 */
class RacingDefinitionsTest {
    static final String ADMIN = Tokens.admin("racing-admin");
    static Api api;

    @BeforeAll
    static void start() {
        api = BuyOnceNode.shared().api();
    }

    @Test
    void racingDefinitionsOfOneProductCreateItOnce() throws Exception {
        String id = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"id":"%s","name":"Raced","kind":"CONSUMABLE","price":{"amount":"1.00","currency":"CNY"}}""".formatted(id);
        assertCreatedOnce(Concurrently.run(24, i -> api.post("/api/admin/products", ADMIN, body)));
    }

    @Test
    void racingDefinitionsOfOneProgramCreateItOnce() throws Exception {
        String id = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String body = Programs.body(id, "{\"row\":\"A\",\"seats\":10}", 4, 4);
        assertCreatedOnce(Concurrently.run(24, i -> api.post("/api/admin/programs", ADMIN, body)));
    }

    private static void assertCreatedOnce(List<Api.Response> answers) {
        assertThat(answers).as("every racer's answer").allSatisfy(a -> assertThat(a.status()).as(a.text()).isIn(200, 201));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
    }
}
