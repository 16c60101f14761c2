package dev.buyonce.bench;

/** Orders through BuyOnce's public API, one token per client user. */
final class BuyOnceOrders implements OrderTarget {
    static final String PRODUCT = "coffee";
    static final String BODY = "{\"items\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":1}]}";
    private final Http http;
    private final String[] tokens;

    BuyOnceOrders(BenchContext context, int clients) {
        this.http = context.buyOnce().http();
        this.tokens = new String[clients];
        for (int c = 0; c < clients; c++) {
            tokens[c] = "Bearer " + context.jwt().user(OrderTarget.user(c));
        }
    }

    @Override
    public String name() {
        return "BuyOnce";
    }

    @Override
    public Answer place(int client, String key) {
        Http.Response response = http.postJson("/api/orders", BODY, "Authorization", tokens[client], "Idempotency-Key", key);
        return new Answer(response.status(), response.ok() ? response.json().path("orderId").asText() : null);
    }
}
