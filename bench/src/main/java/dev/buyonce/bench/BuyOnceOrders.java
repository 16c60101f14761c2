package dev.buyonce.bench;

import java.util.List;
import java.util.function.IntFunction;

/** Orders through BuyOnce's public API, one token per client user. */
final class BuyOnceOrders implements OrderTarget {
    static final String PRODUCT = "coffee";
    static final String BODY = "{\"items\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":1}]}";
    private final Http[] nodes;
    private final String[] tokens;

    /** The place-order users, {@link OrderTarget#user}. */
    BuyOnceOrders(BenchContext context, int clients) {
        this(context, clients, OrderTarget::user);
    }

    /** Users of their own (keys are scoped per user, so another scenario's keys never replay these). */
    BuyOnceOrders(BenchContext context, int clients, IntFunction<String> user) {
        this(context, clients, user, List.of(context.buyOnce().http()));
    }

    /** Client c places its orders on {@code nodes.get(c % nodes.size())}, as a balancer would spread them. */
    BuyOnceOrders(BenchContext context, int clients, IntFunction<String> user, List<Http> nodes) {
        this.nodes = nodes.toArray(Http[]::new);
        this.tokens = new String[clients];
        for (int c = 0; c < clients; c++) {
            tokens[c] = "Bearer " + context.jwt().user(user.apply(c));
        }
    }

    @Override
    public String name() {
        return "BuyOnce";
    }

    /** The Authorization header value of a client's user. */
    String authorization(int client) {
        return tokens[client];
    }

    @Override
    public Answer place(int client, String key) {
        Http.Response response = nodes[client % nodes.length].postJson("/api/orders", BODY, "Authorization", tokens[client], "Idempotency-Key", key);
        return new Answer(response.status(), response.ok() ? response.json().path("orderId").asText() : null);
    }
}
