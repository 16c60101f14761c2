package dev.buyonce.bench;

/**
 * Orders through the CRUD baseline service (bench/crud-baseline); the user is named by a header. The
 * same service also answers the HTTP floor ({@code /floor/orders}: the same exchange, nothing stored).
 */
final class CrudOrders implements OrderTarget {
    private final Http http;
    private final String path;
    private final String name;

    private CrudOrders(BenchContext context, String path, String name) {
        this.http = context.crud().http();
        this.path = path;
        this.name = name;
    }

    static CrudOrders baseline(BenchContext context) {
        return new CrudOrders(context, "/orders", "CRUD baseline");
    }

    static CrudOrders httpFloor(BenchContext context) {
        return new CrudOrders(context, "/floor/orders", "HTTP floor");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer place(int client, String key) {
        Http.Response response = http.postJson(path, BuyOnceOrders.BODY, "X-User", OrderTarget.user(client),
                "Idempotency-Key", key);
        return new Answer(response.status(), response.ok() ? response.json().path("orderId").asText() : null);
    }
}
