package dev.buyonce.app.orders;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.kernel.order.PlaceOrder;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order lifecycle through HTTP on PostgreSQL: place, replay, refuse a reused key, read, list, cancel. */
class PlacingOrdersTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    @Test
    void placesAnOrderAndAnswersARetryWithTheSameOrderMarkedAsReplay() {
        String token = Tokens.user(newUser("alice"));
        Api.Response first = api.placeOrder(token, "key-1", order(COFFEE, 2));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode placed = first.json();
        assertThat(placed.path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(placed.path("duplicated").asBoolean()).isFalse();
        assertThat(placed.path("total").path("amount").asText()).isEqualTo("19.80");
        assertThat(placed.path("total").path("currency").asText()).isEqualTo("CNY");
        assertThat(placed.path("items").get(0).path("unitPrice").path("amount").asText()).isEqualTo("9.90");
        assertThat(placed.path("paymentDeadline").asText()).isNotBlank();

        Api.Response retry = api.placeOrder(token, "key-1", order(COFFEE, 2));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("duplicated").asBoolean()).isTrue();
        assertThat(retry.json().path("orderId").asText()).isEqualTo(placed.path("orderId").asText());
        assertThat(retry.json().path("createdAt").asText()).isEqualTo(placed.path("createdAt").asText());
        assertThat(node.countEvents("OrderPlaced", placed.path("orderId").asText())).isEqualTo(1);
    }

    @Test
    void acceptsTheKeyAsAStructuredFieldString() {
        String token = Tokens.user(newUser("sf"));
        Api.Response plain = api.placeOrder(token, "abc-123", order(COFFEE, 1));
        Api.Response quoted = api.placeOrder(token, "\"abc-123\"", order(COFFEE, 1));
        assertThat(plain.status()).isEqualTo(201);
        assertThat(quoted.status()).isEqualTo(200);
        assertThat(quoted.json().path("orderId").asText()).isEqualTo(plain.json().path("orderId").asText());
    }

    @Test
    void refusesTheSameKeyForADifferentRequestAndStoresNothing() {
        String token = Tokens.user(newUser("bob"));
        assertThat(api.placeOrder(token, "k", order(COFFEE, 1)).status()).isEqualTo(201);
        long events = node.countAllEvents();

        Api.Response reused = api.placeOrder(token, "k", order(COFFEE, 3));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(node.countAllEvents()).isEqualTo(events);
    }

    /**
     * A repeated request for an order already placed is answered from the order view, written in the placing
     * command's own transaction: the same answer the order gave, and no unit of work (no lock, no load) for it.
     */
    @Test
    void aRepeatOfAPlacedOrderIsAnsweredFromTheViewExactlyAsTheOrderAnsweredWithoutAUnitOfWork() {
        String token = Tokens.user(newUser("storm"));
        Api.Response first = api.placeOrder(token, "k", order(COFFEE, 2));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        String orderId = first.json().path("orderId").asText();
        AtomicInteger unitsOfWork = new AtomicInteger();
        Registration counting = node.bean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof PlaceOrder place
                    && place.orderId().toString().equals(orderId)) {
                unitsOfWork.incrementAndGet();
            }
            return chain.proceed();
        });
        try {
            Api.Response repeat = api.placeOrder(token, "k", order(COFFEE, 2));
            Api.Response reused = api.placeOrder(token, "k", order(COFFEE, 3));

            assertThat(repeat.status()).isEqualTo(200);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            ObjectNode expected = first.json().deepCopy();
            expected.put("duplicated", true);
            assertThat(repeat.json()).as("the view's answer is the order's own").isEqualTo(expected);
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(unitsOfWork.get()).as("units of work for the repeat and the reused key").isZero();
        } finally {
            counting.cancel();
        }
        // once cancelled, a repeat shows the order as it is now, as the order itself would
        assertThat(api.post("/api/orders/" + orderId + "/cancel", token, "").status()).isEqualTo(200);
        assertThat(api.placeOrder(token, "k", order(COFFEE, 2)).json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void theSameKeyFromTwoUsersMakesTwoOrders() {
        Api.Response one = api.placeOrder(Tokens.user(newUser("u1")), "shared-key", order(COFFEE, 1));
        Api.Response two = api.placeOrder(Tokens.user(newUser("u2")), "shared-key", order(COFFEE, 1));
        assertThat(one.status()).isEqualTo(201);
        assertThat(two.status()).isEqualTo(201);
        assertThat(one.json().path("orderId").asText()).isNotEqualTo(two.json().path("orderId").asText());
    }

    @Test
    void readsAndListsOnlyTheCallersOrdersNewestFirst() {
        String user = newUser("carol");
        String token = Tokens.user(user);
        String first = api.placeOrder(token, "a", order(COFFEE, 1)).json().path("orderId").asText();
        String second = api.placeOrder(token, "b", order(COFFEE, 2)).json().path("orderId").asText();
        api.placeOrder(Tokens.user(newUser("someone-else")), "a", order(COFFEE, 1));

        JsonNode page = Eventually.await("both orders listed", () -> api.get("/api/orders?page=0&size=1", token).json(),
                json -> json.path("total").asLong() == 2);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("orderId").asText()).isEqualTo(second);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        JsonNode next = api.get("/api/orders?page=1&size=1", token).json();
        assertThat(next.path("items").get(0).path("orderId").asText()).isEqualTo(first);

        Api.Response one = api.get("/api/orders/" + first, token);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("items").get(0).path("quantity").asInt()).isEqualTo(1);
        assertThat(api.get("/api/orders?size=101", token).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anotherUsersOrderIsNotFoundForReadingOrCancelling() {
        String owner = Tokens.user(newUser("owner"));
        String orderId = api.placeOrder(owner, "k", order(COFFEE, 1)).json().path("orderId").asText();
        Eventually.await("order visible to its owner", () -> api.get("/api/orders/" + orderId, owner).status(), s -> s == 200);
        String intruder = Tokens.user(newUser("intruder"));

        Api.Response read = api.get("/api/orders/" + orderId, intruder);
        Api.Response cancel = api.post("/api/orders/" + orderId + "/cancel", intruder, "");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api.get("/api/orders/" + orderId, owner).json().path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(api.get("/api/orders/not-a-uuid", owner).status()).isEqualTo(404);
    }

    @Test
    void cancellingReleasesThePermanentProductAndAnswersRepeatsTheSame() {
        String token = Tokens.user(newUser("dave"));
        String orderId = api.placeOrder(token, "k1", order(LIFETIME, 1)).json().path("orderId").asText();
        Api.Response pending = api.placeOrder(token, "k2", order(LIFETIME, 1));
        assertThat(pending.code()).isEqualTo("PURCHASE_PENDING");
        assertThat(pending.json().path("orderId").asText()).isEqualTo(orderId);

        Api.Response cancelled = api.post("/api/orders/" + orderId + "/cancel", token, "");
        Api.Response again = api.post("/api/orders/" + orderId + "/cancel", token, "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).isEqualTo(cancelled.text());
        assertThat(node.countEvents("OrderCancelled", orderId)).isEqualTo(1);
        Api.Response fresh = api.placeOrder(token, "k3", order(LIFETIME, 1));
        assertThat(fresh.status()).as(fresh.text()).isEqualTo(201);
        Eventually.await("cancelled order listed as cancelled",
                () -> api.get("/api/orders/" + orderId, token).json().path("status").asText(), "CANCELLED"::equals);
    }
}
