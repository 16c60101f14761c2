package dev.buyonce.app.entitlements;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.COURSE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.Tokens;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Owned once, forever: a purchase from years ago, imported from the legacy system, still blocks a new one. */
class PermanentOwnershipTest {
    static BuyOnceNode node;
    static Api api;
    static final String ADMIN = Tokens.admin("importer");

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    static Api.Response importLines(String ndjson) {
        return api.call("POST", "/api/admin/imports/purchases").token(ADMIN)
                .body("application/x-ndjson", HttpRequest.BodyPublishers.ofString(ndjson)).send();
    }

    static String line(String user, String product, String at, String reference) {
        return "{\"userId\":\"%s\",\"productId\":\"%s\",\"purchasedAt\":\"%s\",\"reference\":\"%s\"}\n"
                .formatted(user, product, at, reference);
    }

    @Test
    void aPurchaseImportedWithA2019DateBlocksANewPurchase() {
        String user = newUser("veteran");
        Api.Response imported = importLines(line(user, LIFETIME, "2019-04-01T09:30:00Z", "legacy-" + user));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);

        Api.Response attempt = api.placeOrder(Tokens.user(user), "buy-again", order(LIFETIME, 1));

        assertThat(attempt.status()).isEqualTo(409);
        assertThat(attempt.code()).isEqualTo("ALREADY_OWNED");
        assertThat(attempt.json().path("reference").asText()).isEqualTo("legacy-" + user);
        assertThat(node.countEvents("OrderPlaced", "\"userId\":\"" + user + "\"")).isZero();
        JsonNode owned = Eventually.await("ownership visible",
                () -> api.get("/api/entitlements/" + LIFETIME, Tokens.user(user)).json(),
                json -> "OWNED".equals(json.path("status").asText()));
        assertThat(owned.path("since").asText()).isEqualTo("2019-04-01T09:30:00Z");
        JsonNode asAdmin = api.get("/api/admin/users/" + user + "/entitlements/" + LIFETIME, ADMIN).json();
        assertThat(asAdmin.path("status").asText()).isEqualTo("OWNED");
    }

    @Test
    void reImportingTheSameLinesChangesNothingAndBadLinesAreReportedNotStored() {
        String a = newUser("imp-a");
        String b = newUser("imp-b");
        String lines = line(a, LIFETIME, "2020-01-01T00:00:00Z", "r-" + a)
                + line(b, COURSE, "2021-06-15T12:00:00Z", "r-" + b)
                + "this is not json\n"
                + line(a, LIFETIME, "2020-01-01T00:00:00Z", "r-" + a)
                + line(a, COFFEE, "2020-01-01T00:00:00Z", "r-consumable")
                + line(a, "no-such-product", "2020-01-01T00:00:00Z", "r-unknown")
                + line(a, COURSE, "yesterday", "r-bad-date");

        JsonNode first = importLines(lines).json();
        long events = node.countAllEvents();
        JsonNode second = importLines(lines).json();

        assertThat(first.path("imported").asInt()).isEqualTo(2);
        assertThat(first.path("skipped").asInt()).as("the same line twice in one body").isEqualTo(1);
        assertThat(first.path("rejected")).hasSize(4);
        assertThat(first.path("rejected").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(second.path("imported").asInt()).isZero();
        assertThat(second.path("skipped").asInt()).isEqualTo(3);
        assertThat(node.countAllEvents()).isEqualTo(events);
    }

    @Test
    void purchasesFromTheFutureOrBeyondASaneRangeAndLinesWithTrailingJunkAreRejectedLineByLine() {
        String user = newUser("odd-dates");
        String lines = line(user, LIFETIME, "2099-01-01T00:00:00Z", "r-2099")
                + line(user, LIFETIME, "+999999999-12-31T23:59:59Z", "r-far-future")
                + line(user, LIFETIME, "-999999999-01-01T00:00:00Z", "r-far-past")
                + line(user, LIFETIME, "1969-12-31T23:59:59Z", "r-before-1970")
                + line(user, LIFETIME, "2020-01-01T00:00:00Z", "r-junk").replace("}\n", "} trailing\n")
                + line(user, COURSE, "2020-01-01T00:00:00Z", "r-ok");
        long events = node.countAllEvents();

        JsonNode report = importLines(lines).json();

        assertThat(report.path("imported").asInt()).isEqualTo(1);
        assertThat(report.path("rejected").findValuesAsText("line")).containsExactly("1", "2", "3", "4", "5");
        assertThat(node.countAllEvents()).as("only the sane line is stored").isGreaterThan(events);
        assertThat(api.get("/api/entitlements/" + LIFETIME, Tokens.user(user)).json().path("status").asText())
                .isEqualTo("NONE");
        assertThat(api.get("/api/entitlements/" + COURSE, Tokens.user(user)).json().path("status").asText())
                .isEqualTo("OWNED");
    }

    @Test
    void aNativeReservationShowsAsPendingAndNoOneElseIsAffected() {
        String user = newUser("native");
        String orderId = api.placeOrder(Tokens.user(user), "k", order(COURSE, 1)).json().path("orderId").asText();

        JsonNode pending = Eventually.await("pending visible",
                () -> api.get("/api/entitlements/" + COURSE, Tokens.user(user)).json(),
                json -> "PENDING".equals(json.path("status").asText()));

        assertThat(pending.path("orderId").asText()).isEqualTo(orderId);
        assertThat(api.get("/api/entitlements/" + COURSE, Tokens.user(newUser("other"))).json().path("status").asText())
                .isEqualTo("NONE");
        assertThat(api.get("/api/entitlements/no-such-product", Tokens.user(user)).code()).isEqualTo("PRODUCT_NOT_FOUND");
    }
}
