package dev.buyonce.app.edge;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.buyonce.app.seats.Programs;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.ticket.AllowanceId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatKey;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.CapturedLog;
import dev.buyonce.app.support.Tokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets the 4xx problem of API.md, with its stable code, and changes nothing. */
class BadInputTest {
    static BuyOnceNode node;
    static Api api;
    String token;
    long eventsBefore;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    @BeforeEach
    void countEvents() {
        token = Tokens.user(newUser("bad"));
        eventsBefore = node.countAllEvents();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(node.countAllEvents()).as("events stored by a refused request").isEqualTo(eventsBefore);
    }

    static void assertProblem(Api.Response response, int status, String code) {
        assertProblem(response.status(), response.header("Content-Type"), response.text(), status, code);
    }

    static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertProblem(answer.status(), answer.header("Content-Type"), answer.body(), status, code);
    }

    private static void assertProblem(int actual, String contentType, String body, int status, String code) {
        assertThat(actual).as(body).isEqualTo(status);
        assertThat(contentType).startsWith("application/problem+json");
        JsonNode json = RawHttp.json(body);
        assertThat(json.path("code").asText()).isEqualTo(code);
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("title").asText()).isNotBlank();
        assertThat(json.path("detail").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON                 | {"items":[{"productId":"coffee","quantity":1}
            not an object                  | [1,2,3]
            empty body                     | ' '
            a client-chosen price          | {"items":[{"productId":"coffee","quantity":1,"price":{"amount":"0.01","currency":"CNY"}}]}
            a client-chosen status         | {"items":[{"productId":"coffee","quantity":1}],"status":"PAID"}
            a client-chosen buyer          | {"items":[{"productId":"coffee","quantity":1}],"userId":"victim"}
            zero quantity                  | {"items":[{"productId":"coffee","quantity":0}]}
            negative quantity              | {"items":[{"productId":"coffee","quantity":-3}]}
            huge quantity                  | {"items":[{"productId":"coffee","quantity":1000000}]}
            quantity beyond any integer    | {"items":[{"productId":"coffee","quantity":99999999999999999999}]}
            fractional quantity            | {"items":[{"productId":"coffee","quantity":1.5}]}
            quantity as text               | {"items":[{"productId":"coffee","quantity":"one"}]}
            missing quantity               | {"items":[{"productId":"coffee"}]}
            empty items                    | {"items":[]}
            missing items                  | {}
            null item                      | {"items":[null]}
            malformed product id           | {"items":[{"productId":"../../etc","quantity":1}]}
            the same product twice         | {"items":[{"productId":"coffee","quantity":1},{"productId":"coffee","quantity":2}]}
            quantity above one of a permanent product | {"items":[{"productId":"lifetime","quantity":2}]}
            """)
    void refusesAMalformedOrder(String why, String body) {
        Api.Response response = api.placeOrder(token, "k-" + why.hashCode(), body.isBlank() ? "" : body);
        assertProblem(response, 400, "VALIDATION_FAILED");
    }

    @Test
    void listsTheInvalidFields() {
        Api.Response response = api.placeOrder(token, "k", "{\"items\":[{\"productId\":\"coffee\",\"quantity\":0}]}");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("items[0].quantity");
    }

    @Test
    void anUnknownProductIsNotFound() {
        Api.Response response = api.placeOrder(token, "k", order("no-such-product", 1));
        assertProblem(response, 404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String padding = "x".repeat(300 * 1024);
        Api.Response declared = api.placeOrder(token, "k", "{\"items\":[],\"pad\":\"" + padding + "\"}");
        assertProblem(declared, 413, "PAYLOAD_TOO_LARGE");

        Api.Response streamed = api.call("POST", "/api/orders").token(token).idempotencyKey("k2")
                .body("application/json", HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(("{\"items\":" + " ".repeat(300 * 1024) + "[]}").getBytes())))
                .send();
        assertProblem(streamed, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void theIdempotencyKeyIsRequiredAndChecked() {
        assertProblem(api.placeOrder(token, null, order(COFFEE, 1)), 400, "IDEMPOTENCY_KEY_MISSING");
        assertProblem(api.placeOrder(token, "x".repeat(256), order(COFFEE, 1)), 400, "IDEMPOTENCY_KEY_INVALID");
        assertProblem(api.placeOrder(token, "with space", order(COFFEE, 1)), 400, "IDEMPOTENCY_KEY_INVALID");
        assertProblem(api.placeOrder(token, "\"unterminated\\\"", order(COFFEE, 1)), 400, "IDEMPOTENCY_KEY_INVALID");
    }

    @Test
    void aMissingOrBadTokenIsUnauthenticated() {
        assertProblem(api.placeOrder(null, "k", order(COFFEE, 1)), 401, "UNAUTHENTICATED");
        assertProblem(api.placeOrder("not.a.jwt", "k", order(COFFEE, 1)), 401, "UNAUTHENTICATED");
        String wrongSecret = Tokens.sign("another-secret-another-secret-another-secret", "eve", List.of(), Instant.now().plusSeconds(60));
        assertProblem(api.placeOrder(wrongSecret, "k", order(COFFEE, 1)), 401, "UNAUTHENTICATED");
        String expired = Tokens.sign(Tokens.SECRET, "eve", List.of(), Instant.now().minusSeconds(3600));
        assertProblem(api.placeOrder(expired, "k", order(COFFEE, 1)), 401, "UNAUTHENTICATED");
        String badSubject = Tokens.sign(Tokens.SECRET, "eve@example.com", List.of(), Instant.now().plusSeconds(60));
        assertProblem(api.placeOrder(badSubject, "k", order(COFFEE, 1)), 401, "UNAUTHENTICATED");
        assertProblem(api.get("/api/orders", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenThatNeverExpiresLivesTooLongOrCarriesOddRolesIsUnauthenticated() {
        Instant now = Instant.now();
        String forever = Tokens.withClaims(new JWTClaimsSet.Builder().subject("eve").claim("roles", List.of("admin")).build());
        assertProblem(api.get("/api/admin/projections", forever), 401, "UNAUTHENTICATED");
        String tooLong = Tokens.sign(Tokens.SECRET, "eve", List.of(), now.plus(Duration.ofDays(31)));
        assertProblem(api.get("/api/orders", tooLong), 401, "UNAUTHENTICATED");
        String issuedLongAgo = Tokens.withClaims(new JWTClaimsSet.Builder().subject("eve")
                .issueTime(Date.from(now.minus(Duration.ofDays(40)))).expirationTime(Date.from(now.plusSeconds(60))).build());
        assertProblem(api.get("/api/orders", issuedLongAgo), 401, "UNAUTHENTICATED");
        String numericRoles = Tokens.withClaims(new JWTClaimsSet.Builder().subject("eve").claim("roles", List.of(1, 2))
                .expirationTime(Date.from(now.plusSeconds(60))).build());
        assertProblem(api.get("/api/orders", numericRoles), 401, "UNAUTHENTICATED");
        String objectRoles = Tokens.withClaims(new JWTClaimsSet.Builder().subject("eve").claim("roles", java.util.Map.of("a", 1))
                .expirationTime(Date.from(now.plusSeconds(60))).build());
        assertProblem(api.get("/api/orders", objectRoles), 401, "UNAUTHENTICATED");
        String thirtyDays = Tokens.sign(Tokens.SECRET, "eve", List.of(), now.plus(Duration.ofDays(30)).minusSeconds(5));
        assertThat(api.get("/api/orders", thirtyDays).status()).as("the longest lifetime allowed").isEqualTo(200);
    }

    @Test
    void adminEndpointsNeedTheAdminRole() {
        assertProblem(api.post("/api/admin/products", token,
                "{\"id\":\"free\",\"name\":\"Free\",\"kind\":\"CONSUMABLE\",\"price\":{\"amount\":\"0.00\",\"currency\":\"CNY\"}}"),
                403, "FORBIDDEN");
        assertProblem(api.get("/api/admin/users/x/entitlements/" + LIFETIME, token), 403, "FORBIDDEN");
    }

    @Test
    void aProductIdCannotBeRedefinedDifferently() {
        String admin = Tokens.admin("admin");
        Api.Response response = api.post("/api/admin/products", admin,
                "{\"id\":\"coffee\",\"name\":\"Coffee\",\"kind\":\"CONSUMABLE\",\"price\":{\"amount\":\"0.01\",\"currency\":\"CNY\"}}");
        assertProblem(response, 409, "PRODUCT_CONFLICT");
        assertProblem(api.post("/api/admin/products", admin,
                "{\"id\":\"cheap\",\"name\":\"Cheap\",\"kind\":\"CONSUMABLE\",\"price\":{\"amount\":\"-1\",\"currency\":\"CNY\"}}"),
                400, "VALIDATION_FAILED");
    }

    @Test
    void wrongMethodsAndMediaTypesAreProblemsToo() {
        assertProblem(api.call("DELETE", "/api/orders").token(token).send(), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.call("POST", "/api/orders").token(token).idempotencyKey("k")
                .body("text/plain", HttpRequest.BodyPublishers.ofString("hello")).send(), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api.get("/api/nothing-here", token), 404, "NOT_FOUND");
        assertProblem(api.get("/api/orders?page=abc", token), 400, "VALIDATION_FAILED");
        assertProblem(api.post("/api/orders/" + java.util.UUID.randomUUID() + "/cancel", token, ""), 404, "ORDER_NOT_FOUND");
    }

    @Test
    void theIdOfAnotherKindOfAggregateIsNoOrder() {
        String program = Programs.define(api, 1, 10, 4, 4);
        String user = newUser("ids");
        String owner = Tokens.user(user);
        assertThat(api.placeOrder(owner, "k-permanent", order(LIFETIME, 1)).status()).isEqualTo(201);
        assertThat(api.placeOrder(owner, "k-seat", "{\"programId\":\"" + program + "\",\"seats\":[\"A-1\"]}").status()).isEqualTo(201);
        eventsBefore = node.countAllEvents();
        List<String> foreign = List.of(EntitlementId.of(new UserId(user), new ProductId(LIFETIME)).toString(),
                SeatKey.of(new ProgramId(program), new SeatId("A-1")).toString(),
                AllowanceId.of(new ProgramId(program), new UserId(user)).toString());
        for (String id : foreign) {
            assertProblem(api.post("/api/orders/" + id + "/cancel", owner, ""), 404, "ORDER_NOT_FOUND");
            assertProblem(api.call("POST", "/api/orders/" + id + "/payments").token(owner).idempotencyKey("k")
                    .json("{\"channel\":\"sandbox-card\"}").send(), 404, "ORDER_NOT_FOUND");
            assertProblem(api.get("/api/orders/" + id + "/payments", owner), 404, "ORDER_NOT_FOUND");
            assertProblem(api.post("/api/admin/orders/" + id + "/refund", Tokens.admin("admin"), ""), 404, "ORDER_NOT_FOUND");
        }
    }

    @Test
    void aProductAndAProgramMayShareAnId() {
        String admin = Tokens.admin("admin");
        String first = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String product = "{\"id\":\"%s\",\"name\":\"Shared\",\"kind\":\"CONSUMABLE\",\"price\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}";
        String row = "{\"row\":\"A\",\"seats\":5}";
        assertThat(api.post("/api/admin/products", admin, product.formatted(first)).status()).isEqualTo(201);
        assertThat(api.post("/api/admin/programs", admin, Programs.body(first, row, 2, 2)).status()).isEqualTo(201);
        assertThat(api.post("/api/admin/programs", admin, Programs.body(second, row, 2, 2)).status()).isEqualTo(201);
        assertThat(api.post("/api/admin/products", admin, product.formatted(second)).status()).isEqualTo(201);
        assertThat(api.post("/api/admin/products", admin, product.formatted(second)).status()).as("the same again").isEqualTo(200);
        assertThat(api.post("/api/admin/programs", admin, Programs.body(first, row, 2, 2)).status()).as("the same again").isEqualTo(200);
        Api.Response coffee = api.placeOrder(token, "k-shared", order(first, 1));
        assertThat(coffee.status()).as(coffee.text()).isEqualTo(201);
        Api.Response seat = api.placeOrder(token, "k-shared-seat", "{\"programId\":\"" + first + "\",\"seats\":[\"A-1\"]}");
        assertThat(seat.status()).as(seat.text()).isEqualTo(201);
        eventsBefore = node.countAllEvents();
    }

    @Test
    void aPageBeyondAnyOffsetIsRefused() {
        for (String query : List.of("page=21474837&size=100", "page=2147483647&size=2", "page=-1&size=20", "page=0&size=0",
                "page=0&size=101", "page=99999999999&size=20", "page=0&size=-2147483648")) {
            assertProblem(api.get("/api/orders?" + query, token), 400, "VALIDATION_FAILED");
        }
        assertThat(api.get("/api/orders?page=21474836&size=100", token).status()).as("the last page that can be asked for").isEqualTo(200);
    }

    @Test
    void whatTheFirewallOrTheContainerRefusesIsAProblemToo() {
        String auth = "\r\nAuthorization: Bearer " + token;
        assertRawProblem("GET /api//orders HTTP/1.1" + auth, 400, "VALIDATION_FAILED");
        assertRawProblem("GET /api/orders%2fx HTTP/1.1" + auth, 400, "VALIDATION_FAILED");
        assertRawProblem("GET /api/orders;x=1 HTTP/1.1" + auth, 400, "VALIDATION_FAILED");
        assertRawProblem("GET /api/orders HTTP/1.1" + auth + "\r\nX-Big: " + "a".repeat(9000), 400, "VALIDATION_FAILED");
        assertRawProblem("GET /api/orders HTTP/1.1" + auth + "\r\nX-Control: a\u0001b", 400, "VALIDATION_FAILED");
        assertRawProblem("GET /api/orders HTTP/1.7" + auth, 505, "VALIDATION_FAILED");
        assertRawProblem("GET /api/orders HTTP/1.1\r\nAuthorization: Bearer \u0080", 400, "VALIDATION_FAILED");
        String order = "\r\nContent-Type: application/json";
        byte[] body = order(COFFEE, 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String key : List.of("\u0080", "k\u00e9", "\u00c3\u00a9")) {
            assertProblem(RawHttp.send(api.port(), "POST /api/orders HTTP/1.1" + auth + order + "\r\nIdempotency-Key: " + key, body),
                    400, "IDEMPOTENCY_KEY_INVALID");
        }
        assertProblem(RawHttp.send(api.port(), "POST /api/payments/notifications/sandbox HTTP/1.1" + order
                + "\r\nSandbox-Signature: t=1,v1=\u00ff\r\nX-Other: \u0085", "{}".getBytes()), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/error", token), 404, "NOT_FOUND");
    }

    @Test
    void aDefectIsA500InternalErrorLoggedOnceWithItsStackTrace() {
        List<ILoggingEvent> logged;
        try (CapturedLog log = CapturedLog.start()) {
            assertProblem(api.post("/test-only/defect", token, "{}"), 500, "INTERNAL_ERROR");
            logged = log.events();
        }
        assertThat(logged.stream().filter(e -> e.getLevel() == Level.ERROR && e.getThrowableProxy() != null
                && e.getThrowableProxy().getMessage().equals("a defect planted by the tests"))).hasSize(1);
    }

    @Test
    void theDatabaseOutOfReachIsA503WithRetryAfterLoggedInOneLine() {
        List<ILoggingEvent> logged;
        Api.Response answer;
        try (CapturedLog log = CapturedLog.start()) {
            answer = api.post("/test-only/database-gone", token, "{}");
            logged = log.events();
        }
        assertProblem(answer, 503, "SERVICE_UNAVAILABLE");
        assertThat(answer.headers().get("retry-after")).isNotNull();
        assertThat(logged).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                && e.getFormattedMessage().contains("planted by the tests")).hasSize(1)
                .allSatisfy(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.WARN);
                    assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
                });
    }

    static void assertRawProblem(String head, int status, String code) {
        assertProblem(RawHttp.send(api.port(), head, new byte[0]), status, code);
    }
}
