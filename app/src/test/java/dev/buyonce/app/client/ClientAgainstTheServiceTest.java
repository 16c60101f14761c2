package dev.buyonce.app.client;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.client.AlreadyOwned;
import dev.buyonce.client.BuyOnceClient;
import dev.buyonce.client.Intent;
import dev.buyonce.client.NotFound;
import dev.buyonce.client.Order;
import dev.buyonce.client.OrderRequest;
import dev.buyonce.client.Outcome;
import dev.buyonce.client.Payment;
import dev.buyonce.client.PurchasePending;
import dev.buyonce.client.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client against the real service on PostgreSQL: a purchase whose first answer is lost on the way
 * back is retried with its one key and answered as a replay, with one order in the event store; then paying,
 * owning, and the typed refusals of a second purchase.
 */
class ClientAgainstTheServiceTest {
    static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5));
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    static BuyOnceClient client(URI uri, String user) {
        return BuyOnceClient.builder(uri).token(Tokens.user(user)).retry(QUICK).build();
    }

    @Test
    void aPurchaseWhoseAnswerWasLostIsRetriedWithItsKeyAndPlacedOnce() throws Exception {
        String user = newUser("client");
        try (AnswerLosingProxy proxy = new AnswerLosingProxy(api.port(), "POST", "/api/orders", 1)) {
            BuyOnceClient client = client(proxy.uri(), user);
            assertThat(client.products()).anySatisfy(product -> assertThat(product.id()).isEqualTo(LIFETIME));
            Intent<Order> purchase = client.purchase(OrderRequest.of(LIFETIME, 1));

            Outcome<Order> placed = purchase.submit();

            assertThat(proxy.lost()).isGreaterThanOrEqualTo(1);
            assertThat(placed.duplicated()).isTrue();
            assertThat(placed.status()).isEqualTo(200);
            assertThat(placed.value().status()).isEqualTo("AWAITING_PAYMENT");
            String orderId = placed.value().orderId();
            assertThat(node.countEvents("OrderPlaced", orderId)).isEqualTo(1);
            assertThat(client.orders(0, 20).items()).extracting(Order::orderId).containsExactly(orderId);
            assertThat(client.entitlement(LIFETIME).status()).isEqualTo("PENDING");

            // the same intent again: still that order; another intent for the permanent product: refused, naming it
            assertThat(purchase.submit().value().orderId()).isEqualTo(orderId);
            assertThatThrownBy(() -> client.purchase(OrderRequest.of(LIFETIME, 1)).submit())
                    .isInstanceOfSatisfying(PurchasePending.class, e -> assertThat(e.orderId()).isEqualTo(orderId));
        }
    }

    @Test
    void aPurchasePaidThroughTheClientIsOwnedAndCannotBeBoughtAgain() {
        String user = newUser("client-pay");
        BuyOnceClient client = client(URI.create("http://127.0.0.1:" + api.port()), user);
        Outcome<Order> placed = client.purchase(OrderRequest.of(LIFETIME, 1)).submit();
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.duplicated()).isFalse();
        String orderId = placed.value().orderId();

        Intent<Payment> payment = client.payment(orderId, "sandbox-card");
        Outcome<Payment> created = payment.submit();
        assertThat(created.value().payUrl()).isEqualTo("/sandbox/payments/" + created.value().paymentId() + "/pay");
        assertThat(payment.submit().duplicated()).isTrue();
        assertThat(api.post(created.value().payUrl(), null, "{}").status()).isEqualTo(200);

        Eventually.await("the order paid", () -> client.order(orderId).status(), "PAID"::equals);
        assertThat(client.entitlement(LIFETIME).status()).isEqualTo("OWNED");
        assertThat(client.payments(orderId)).singleElement().satisfies(attempt -> assertThat(attempt.status()).isEqualTo("CAPTURED"));
        assertThatThrownBy(() -> client.purchase(OrderRequest.of(LIFETIME, 1)).submit())
                .isInstanceOfSatisfying(AlreadyOwned.class, e -> assertThat(e.orderId()).isEqualTo(orderId));
    }

    @Test
    void anUnpaidOrderIsCancelledThroughTheClientAndAnotherUsersOrderIsNotFound() {
        URI uri = URI.create("http://127.0.0.1:" + api.port());
        BuyOnceClient client = client(uri, newUser("client-cancel"));
        Order order = client.purchase(OrderRequest.of(COFFEE, 2)).submit().value();

        assertThat(client.cancel(order.orderId()).status()).isEqualTo("CANCELLED");
        assertThat(client.cancel(order.orderId()).status()).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> client(uri, newUser("someone-else")).order(order.orderId())).isInstanceOf(NotFound.class);
    }
}
