package dev.buyonce.app.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.kernel.entitlement.PurchaseImported;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.query.admin.EventsByType;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuilds' read by payload type, against the event log itself: exactly the events of the wanted types, in log
 * order, each at its own position, across the reader's windows of 5,000 positions, on PostgreSQL and on the embedded
 * default.
 */
class EventsByTypeTest {
    /** More than one read window (5,000 positions) of imports. */
    private static final int IMPORTS = 5_500;

    @Test
    void readsExactlyTheWantedEventsInLogOrderOnPostgres() {
        try (BuyOnceNode node = BuyOnceNode.onPostgres(TestDatabase.fresh(), Map.of())) {
            readsExactlyTheWantedEventsInLogOrder(node);
        }
    }

    @Test
    void readsExactlyTheWantedEventsInLogOrderOnTheEmbeddedDefault(@TempDir Path dataDir) {
        try (BuyOnceNode node = BuyOnceNode.embedded(dataDir.toString(), Map.of("buyonce.demo.catalog", "false"))) {
            readsExactlyTheWantedEventsInLogOrder(node);
        }
    }

    private static void readsExactlyTheWantedEventsInLogOrder(BuyOnceNode node) {
        Api api = node.api();
        TestCatalog.define(api);
        for (int i = 0; i < 3; i++) {
            assertThat(api.placeOrder(Tokens.user("typed-" + i), "k", "{\"items\":[{\"productId\":\"" + TestCatalog.COFFEE
                    + "\",\"quantity\":1}]}").status()).isEqualTo(201);
        }
        String imports = IntStream.range(0, IMPORTS).mapToObj(i -> ("{\"userId\":\"typed-legacy-%d\",\"productId\":\""
                        + TestCatalog.LIFETIME + "\",\"purchasedAt\":\"2019-01-01T00:00:00Z\",\"reference\":\"T%d\"}").formatted(i, i))
                .collect(Collectors.joining("\n"));
        Api.Response imported = api.call("POST", "/api/admin/imports/purchases").token(Tokens.admin("operator"))
                .body("application/x-ndjson", HttpRequest.BodyPublishers.ofString(imports)).send();
        assertThat(imported.status()).as(imported.text()).isBetween(200, 299);
        for (int i = 3; i < 5; i++) {
            assertThat(api.placeOrder(Tokens.user("typed-" + i), "k", "{\"items\":[{\"productId\":\"" + TestCatalog.COFFEE
                    + "\",\"quantity\":1}]}").status()).isEqualTo(201);
        }
        long head = node.jdbc().queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        EventsByType reader = node.bean(EventsByType.class);

        List<Long> orders = positions(node, OrderPlaced.class, head);
        assertThat(orders).hasSize(5);
        assertThat(read(reader, OrderPlaced.class::equals, head)).isEqualTo(orders);
        List<Long> both = positions(node, List.of(OrderPlaced.class, PurchaseImported.class), head);
        assertThat(both).hasSize(5 + IMPORTS);
        assertThat(read(reader, type -> type == OrderPlaced.class || type == PurchaseImported.class, head)).isEqualTo(both);
        long middle = both.get(both.size() / 2);
        assertThat(read(reader, PurchaseImported.class::equals, middle))
                .isEqualTo(positions(node, List.of(PurchaseImported.class), middle));
        assertThat(read(reader, type -> false, head)).isEmpty();
        try (Stream<? extends TrackedEventMessage<?>> events = reader.readEvents(OrderPlaced.class::equals, head)) {
            assertThat(events).allSatisfy(event -> assertThat(event.getPayload()).isInstanceOf(OrderPlaced.class));
        }
    }

    private static List<Long> read(EventsByType reader, java.util.function.Predicate<Class<?>> wanted, long upTo) {
        try (Stream<? extends TrackedEventMessage<?>> events = reader.readEvents(wanted, upTo)) {
            return events.map(event -> event.trackingToken().position().orElseThrow()).collect(Collectors.toList());
        }
    }

    private static List<Long> positions(BuyOnceNode node, Class<?> type, long upTo) {
        return positions(node, List.of(type), upTo);
    }

    private static List<Long> positions(BuyOnceNode node, List<Class<?>> types, long upTo) {
        String in = types.stream().map(t -> "'" + t.getName() + "'").collect(Collectors.joining(", "));
        return node.jdbc().queryForList("SELECT global_index FROM domain_event_entry WHERE payload_type IN (" + in
                + ") AND global_index <= ? ORDER BY global_index", Long.class, upTo);
    }
}
