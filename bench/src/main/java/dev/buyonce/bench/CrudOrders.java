package dev.buyonce.bench;

/** Orders through the CRUD baseline service (bench/crud-baseline); the user is named by a header. */
final class CrudOrders implements OrderTarget {
    private final Http http;

    CrudOrders(BenchContext context) {
        this.http = context.crud().http();
    }

    @Override
    public String name() {
        return "CRUD baseline";
    }

    @Override
    public Answer place(int client, String key) {
        Http.Response response = http.postJson("/orders", BuyOnceOrders.BODY, "X-User", OrderTarget.user(client),
                "Idempotency-Key", key);
        return new Answer(response.status(), response.ok() ? response.json().path("orderId").asText() : null);
    }
}
