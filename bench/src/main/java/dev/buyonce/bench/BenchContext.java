package dev.buyonce.bench;

/**
 * What every scenario gets: the settings, the services run.sh started, the raw-SQL database and token
 * signing. BuyOnce and the CRUD baseline each run twice: the main instances take the load and the large
 * purchase history, the small ones keep the small history, so both sizes can be measured interleaved
 * (run.sh starts the small ones only when ownership-lookup runs; otherwise they are null).
 */
record BenchContext(BenchConfig config, Service buyOnce, Service buyOnceSmall, Service crud, Service crudSmall,
                    Database rawDb, Jwt jwt) {

    static BenchContext of(BenchConfig config) {
        return new BenchContext(config, Service.named(config, "buyonce"), Service.named(config, "buyonce-small"),
                Service.named(config, "crud"), Service.named(config, "crud-small"), new Database(config.require("raw-db")),
                new Jwt(config.require("jwt-secret")));
    }

    /** The Authorization header value of the bench's administrator on every BuyOnce instance. */
    String adminAuthorization() {
        return "Bearer " + jwt.admin("bench-admin");
    }

    /** Defines (or confirms) a product through a BuyOnce instance's admin API. */
    void defineProduct(Service buyOnceInstance, String id, String kind, String price) {
        Http.Response response = buyOnceInstance.http().postJson("/api/admin/products", """
                {"id":"%s","name":"Bench %s","kind":"%s","price":{"amount":"%s","currency":"CNY"}}"""
                .formatted(id, id, kind, price), "Authorization", adminAuthorization());
        if (!response.ok()) {
            throw new IllegalStateException("could not define product " + id + ": " + response);
        }
    }
}
