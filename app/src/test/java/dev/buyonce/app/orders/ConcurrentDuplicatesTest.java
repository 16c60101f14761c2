package dev.buyonce.app.orders;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Concurrently;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Double clicks and retries at full speed: 64 threads, one PostgreSQL, one order. */
class ConcurrentDuplicatesTest {
    static final int REQUESTS = 64;
    static BuyOnceNode node;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
    }

    @Test
    void sixtyFourConcurrentPostsWithOneKeyMakeExactlyOneOrder() throws Exception {
        String user = newUser("storm");
        String token = Tokens.user(user);
        String expectedId = OrderId.forIntent(new UserId(user), new IdempotencyKey("click")).toString();

        List<Api.Response> answers = concurrently(REQUESTS, i -> node.api().placeOrder(token, "click", order(COFFEE, 1)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isIn(200, 201));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.json().path("orderId").asText()).isEqualTo(expectedId));
        assertThat(answers).filteredOn(a -> a.status() == 200)
                .allSatisfy(a -> assertThat(a.header("Idempotent-Replayed")).isEqualTo("true"));
        assertThat(node.countEvents("OrderPlaced", "\"userId\":\"" + user + "\"")).isEqualTo(1);
    }

    @Test
    void sixtyFourConcurrentPurchasesOfOnePermanentProductWithDifferentKeysMakeExactlyOneOrder() throws Exception {
        String user = newUser("clicker");
        String token = Tokens.user(user);

        List<Api.Response> answers = concurrently(REQUESTS, i -> node.api().placeOrder(token, "key-" + i, order(LIFETIME, 1)));

        List<Api.Response> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).hasSize(1);
        String orderId = created.get(0).json().path("orderId").asText();
        Map<String, Long> codes = answers.stream().filter(a -> a.status() != 201)
                .collect(Collectors.groupingBy(a -> a.status() + " " + a.code(), Collectors.counting()));
        assertThat(codes).containsOnlyKeys("409 PURCHASE_PENDING");
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.json().path("orderId").asText()).isEqualTo(orderId));
        assertThat(node.countEvents("OrderPlaced", "\"userId\":\"" + user + "\"")).isEqualTo(1);
        assertThat(node.countEvents("EntitlementReserved", "\"userId\":\"" + user + "\"")).isEqualTo(1);
    }

    static <T> List<T> concurrently(int count, IntFunction<T> call) throws Exception {
        return Concurrently.run(count, call);
    }
}
