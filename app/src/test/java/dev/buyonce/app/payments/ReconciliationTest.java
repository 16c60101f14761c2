package dev.buyonce.app.payments;

import static dev.buyonce.app.payments.Payments.awaitOrderStatus;
import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.placeOrder;
import static dev.buyonce.app.payments.Payments.startPayment;
import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.RecordPaymentCapture;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation both ways, on a node of its own (it plants an order paid without a capture, which the shared
 * payment node must never show): our events against the provider's statement, and the statement against
 * our events.
 */
class ReconciliationTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = Payments.start(TestDatabase.fresh(), Map.of());
        TestCatalog.define(node.api());
        api = node.api();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anOrderOurEventsCallPaidWithoutACaptureAtTheProviderIsListed() {
        String token = Tokens.user(newUser("honest"));
        String honest = placeOrder(api, token, "o1", COFFEE);
        pay(api, startPayment(api, token, honest, "p1", "sandbox-card"), "DELIVER", false);
        awaitOrderStatus(api, token, honest, "PAID");
        JsonNode clean = Payments.reconciliation(api);
        assertThat(clean.path("paidWithoutCapture")).as(clean.toString()).isEmpty();
        assertThat(clean.path("unexplained")).isEmpty();

        String phantomToken = Tokens.user(newUser("phantom"));
        String phantom = placeOrder(api, phantomToken, "o1", COFFEE);
        String paymentId = startPayment(api, phantomToken, phantom, "p1", "sandbox-card");
        // the order is told of a capture the provider never made (a defect, or a forged internal path)
        node.bean(CommandGateway.class).sendAndWait(new RecordPaymentCapture(new OrderId(UUID.fromString(phantom)),
                new PaymentId(UUID.fromString(paymentId)), "sandbox", Money.of("9.90", "CNY"), Instant.now()));
        awaitOrderStatus(api, phantomToken, phantom, "PAID");

        JsonNode report = Payments.reconciliation(api);
        assertThat(report.path("paidWithoutCapture")).as(report.toString()).hasSize(1);
        assertThat(report.path("paidWithoutCapture").get(0).path("orderId").asText()).isEqualTo(phantom);
        assertThat(report.path("paidWithoutCapture").get(0).path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(report.path("unexplained")).isEmpty();
    }
}
