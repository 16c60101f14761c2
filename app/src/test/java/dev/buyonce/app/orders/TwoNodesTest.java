package dev.buyonce.app.orders;

import static dev.buyonce.app.orders.ConcurrentDuplicatesTest.concurrently;
import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application instances share one PostgreSQL and split the duplicates between them. Each has its own
 * command bus and in-memory locks, so only the event store's unique constraint can keep the promise.
 */
class TwoNodesTest {
    static BuyOnceNode first;
    static BuyOnceNode second;

    @BeforeAll
    static void start() {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        first = BuyOnceNode.onPostgres(db, Map.of());
        TestCatalog.define(first.api());
        second = BuyOnceNode.onPostgres(db, Map.of("buyonce.catalog.refresh", "PT0.2S"));
        Eventually.await("catalog visible on the second node",
                () -> second.api().get("/api/products", Tokens.user("probe")).json().size(), n -> n == 3);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    Api node(int i) {
        return (i % 2 == 0 ? first : second).api();
    }

    @Test
    void oneKeyRetriedOnBothNodesMakesOneOrder() throws Exception {
        String user = newUser("twin");
        String token = Tokens.user(user);

        List<Api.Response> answers = concurrently(64, i -> node(i).placeOrder(token, "same-key", order(COFFEE, 1)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isIn(200, 201));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers.stream().map(a -> a.json().path("orderId").asText()).distinct()).hasSize(1);
        assertThat(first.countEvents("OrderPlaced", "\"userId\":\"" + user + "\"")).isEqualTo(1);
    }

    @Test
    void onePermanentProductBoughtOnBothNodesWithManyKeysMakesOneOrder() throws Exception {
        String user = newUser("twin-perm");
        String token = Tokens.user(user);

        List<Api.Response> answers = concurrently(64, i -> node(i).placeOrder(token, "k" + i, order(LIFETIME, 1)));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 201)
                .allSatisfy(a -> assertThat(a.code()).as(a.text()).isEqualTo("PURCHASE_PENDING"));
        assertThat(first.countEvents("OrderPlaced", "\"userId\":\"" + user + "\"")).isEqualTo(1);
    }

    @Test
    void ordersPlacedOnBothNodesAreListedOnceOnEachAsSoonAsAnswered() throws Exception {
        String user = newUser("lister");
        String token = Tokens.user(user);
        List<Api.Response> placed = concurrently(20, i -> node(i).placeOrder(token, "order-" + i, order(COFFEE, 1)));
        assertThat(placed).allSatisfy(a -> assertThat(a.status()).as(a.text()).isEqualTo(201));

        for (BuyOnceNode node : List.of(first, second)) {
            JsonNode list = node.api().get("/api/orders?size=100", token).json();
            assertThat(list.path("total").asLong()).isEqualTo(20);
            assertThat(list.findValuesAsText("orderId")).doesNotHaveDuplicates().hasSize(20);
        }
    }
}
