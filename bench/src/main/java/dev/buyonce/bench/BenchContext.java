package dev.buyonce.bench;

/** What every scenario gets: the settings, clients for both services, the databases and token signing. */
record BenchContext(BenchConfig config, Http buyOnce, Http crud, Database buyOnceDb, Database crudDb,
                    Database rawDb, Jwt jwt) {

    static BenchContext of(BenchConfig config) {
        return new BenchContext(config, new Http(config.buyOnceUrl()), new Http(config.crudUrl()),
                new Database(config.buyOnceDb()), new Database(config.crudDb()), new Database(config.rawDb()),
                new Jwt(config.jwtSecret()));
    }

    /** Defines (or confirms) a product through BuyOnce's admin API. */
    void defineProduct(String id, String kind, String price) {
        Http.Response response = buyOnce.postJson("/api/admin/products", """
                {"id":"%s","name":"Bench %s","kind":"%s","price":{"amount":"%s","currency":"CNY"}}"""
                .formatted(id, id, kind, price), "Authorization", "Bearer " + jwt.admin("bench-admin"));
        if (!response.ok()) {
            throw new IllegalStateException("could not define product " + id + ": " + response);
        }
    }
}
