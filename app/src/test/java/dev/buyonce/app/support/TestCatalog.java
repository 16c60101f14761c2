package dev.buyonce.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Products the end-to-end tests buy, defined through the admin API. */
public final class TestCatalog {
    public static final String LIFETIME = "lifetime";
    public static final String COURSE = "course";
    public static final String COFFEE = "coffee";

    private TestCatalog() {
    }

    public static void define(Api api) {
        String admin = Tokens.admin("catalog-admin");
        define(api, admin, LIFETIME, "Lifetime licence", "PERMANENT", "199.00");
        define(api, admin, COURSE, "Video course", "PERMANENT", "99.00");
        define(api, admin, COFFEE, "Coffee", "CONSUMABLE", "9.90");
    }

    private static void define(Api api, String admin, String id, String name, String kind, String price) {
        Api.Response response = api.post("/api/admin/products", admin, """
                {"id":"%s","name":"%s","kind":"%s","price":{"amount":"%s","currency":"CNY"}}
                """.formatted(id, name, kind, price));
        assertThat(response.status()).as(response.text()).isIn(200, 201);
    }

    /** A user id no other test uses, so tests sharing a database never see each other's orders. */
    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String order(String productId, int quantity) {
        return """
                {"items":[{"productId":"%s","quantity":%d}]}""".formatted(productId, quantity);
    }
}
