package dev.buyonce.app.edge;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.coupons.Coupons;
import dev.buyonce.app.seats.Programs;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.CapturedLog;
import dev.buyonce.app.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every input slot (path variable, query parameter, header, JSON field) × every mutator, one
 * slot at a time with the rest valid: never a 5xx; every 4xx a problem with {@code status}, {@code title},
 * {@code detail} and a {@code code}; no event stored by a refused request (none carries its correlation id); and
 * nothing logged with a stack trace or at ERROR. Sent over a raw socket, so any byte can be sent. To cover a new
 * endpoint, add a row to {@link #endpoints()}.
 */
class EveryEndpointBadInputTest {
    /** Headers every endpoint reads (security, correlation); the others only where they mean something. */
    static final List<String> COMMON_HEADERS = List.of("Authorization", "X-Correlation-Id", "traceparent");
    static final Set<String> KEYED = Set.of("/api/orders", "/api/orders/{orderId}/payments", "/api/coupons/{couponId}/claims");
    static final String HUGE = "x".repeat(100 * 1024);
    static final String SANDBOX_SECRET = "sandbox-webhook-secret-not-for-production";

    /** What a text slot (path, query, header) receives. {@code raw} values go into the request line as they are. */
    record Text(String name, String value, boolean raw) {
        static Text of(String name, String value) {
            return new Text(name, value, false);
        }
    }

    static final List<Text> TEXT = List.of(Text.of("absent", null), Text.of("empty", ""), Text.of("-1", "-1"),
            Text.of("0", "0"), Text.of("Long.MAX", "9223372036854775807"), Text.of("Long.MIN", "-9223372036854775808"),
            Text.of("1e309", "1e309"), Text.of("huge number", "9".repeat(40)), Text.of("wrong type", "true"),
            Text.of("non-ASCII", "é中\u00ff"), Text.of("control chars", "a\u0001\u007f\u0085b"), Text.of("tab", "a\tb"),
            Text.of("quotes", "\"'<>{}"), Text.of("a UUID", "8c4b1d62-2b1f-5c5e-9a4b-0c1f7e2d9a10"), Text.of("100 KB", HUGE),
            new Text("bad escape", "%zz", true), new Text("encoded slash", "a%2Fb", true), new Text("semicolon", "a;b=1", true),
            new Text("dot segments", "..%2F..", true), new Text("overlong UTF-8", "%C0%AF", true));

    /** What a JSON field receives, as JSON text (some of it deliberately not JSON). */
    static final Map<String, String> JSON = jsonMutations();

    static Map<String, String> jsonMutations() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("null", "null");
        json.put("true", "true");
        json.put("object", "{\"a\":1}");
        json.put("array", "[1,2]");
        json.put("text", "\"text\"");
        json.put("empty string", "\"\"");
        json.put("0", "0");
        json.put("-1", "-1");
        json.put("Long.MAX", "9223372036854775807");
        json.put("Long.MIN", "-9223372036854775808");
        json.put("1e309", "1e309");
        json.put("huge number", "1" + "0".repeat(400));
        json.put("fraction", "1.5");
        json.put("non-ASCII", "\"é中\u00ff\"");
        json.put("escaped control chars", "\"a\\u0000\\u0007b\"");
        json.put("raw control char", "\"a\u0001b\"");
        json.put("100 KB string", "\"" + HUGE + "\"");
        json.put("deep nesting", "[".repeat(2000) + "]".repeat(2000));
        json.put("not JSON", "{");
        return json;
    }

    enum Caller { USER, ADMIN, NONE }

    /** One endpoint: path variables in braces, valid values for every slot, the body with «field» placeholders. */
    record Endpoint(String method, String path, Caller caller, Map<String, String> vars, Map<String, String> query,
                    String contentType, String body, Map<String, String> fields) {
        static Endpoint of(String method, String path, Caller caller, Map<String, String> vars) {
            return new Endpoint(method, path, caller, vars, Map.of(), null, null, Map.of());
        }

        Endpoint query(Map<String, String> valid) {
            return new Endpoint(method, path, caller, vars, valid, contentType, body, fields);
        }

        Endpoint body(String type, String template, Map<String, String> valid) {
            return new Endpoint(method, path, caller, vars, query, type, template, valid);
        }

        List<String> headers() {
            List<String> headers = new ArrayList<>(COMMON_HEADERS);
            if (body != null) {
                headers.add("Content-Type");
            }
            if (KEYED.contains(path)) {
                headers.add("Idempotency-Key");
            }
            if (path.startsWith("/api/payments/notifications")) {
                headers.add("Sandbox-Signature");
            }
            return headers;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static BuyOnceNode node;
    static Api api;
    static String user;
    static String userToken;
    static String adminToken = Tokens.admin("matrix-admin");
    static String toCancel;
    static String toPay;
    static String paymentId;
    static String program;
    static String coupon;
    final AtomicInteger counter = new AtomicInteger();

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
        user = newUser("matrix");
        userToken = Tokens.user(user);
        toCancel = api.placeOrder(userToken, "matrix-cancel", order(COFFEE, 1)).json().path("orderId").asText();
        toPay = api.placeOrder(userToken, "matrix-pay", order(COFFEE, 2)).json().path("orderId").asText();
        paymentId = api.call("POST", "/api/orders/" + toPay + "/payments").token(userToken).idempotencyKey("matrix-pay")
                .json("{\"channel\":\"sandbox-card\"}").send().json().path("paymentId").asText();
        program = Programs.define(api, 2, 20, 6, 6);
        coupon = Coupons.define(api, "matrix", Coupons.PERCENT_10, 1000);
    }

    List<Endpoint> endpoints() {
        String order = "{orderId}";
        Map<String, String> cancel = Map.of("orderId", toCancel);
        Map<String, String> paid = Map.of("orderId", toPay);
        return List.of(
                Endpoint.of("GET", "/api/products", Caller.USER, Map.of()),
                Endpoint.of("POST", "/api/admin/products", Caller.ADMIN, Map.of()).body("application/json",
                        "{\"id\":«id»,\"name\":«name»,\"kind\":«kind»,\"price\":{\"amount\":«amount»,\"currency\":«currency»}}",
                        Map.of("id", "\"matrix-product\"", "name", "\"Matrix\"", "kind", "\"CONSUMABLE\"", "amount", "\"1.00\"",
                                "currency", "\"CNY\"")),
                Endpoint.of("POST", "/api/admin/programs", Caller.ADMIN, Map.of()).body("application/json", """
                        {"id":«id»,"name":«name»,"startsAt":«startsAt»,"maxTicketsPerOrder":«perOrder»,"maxTicketsPerUser":«perUser»,
                         "categories":[{"id":«category»,"name":"Floor","price":{"amount":"10.00","currency":"CNY"},
                         "rows":[{"row":«row»,"seats":«seats»}]}]}""",
                        Map.of("id", "\"matrix-show\"", "name", "\"Show\"", "startsAt", "\"2027-01-01T19:30:00Z\"", "perOrder", "4",
                                "perUser", "4", "category", "\"floor\"", "row", "\"A\"", "seats", "10")),
                Endpoint.of("POST", "/api/orders", Caller.USER, Map.of()).body("application/json",
                        "{\"items\":[{\"productId\":«productId»,\"quantity\":«quantity»}]}",
                        Map.of("productId", "\"coffee\"", "quantity", "1")),
                Endpoint.of("POST", "/api/orders", Caller.USER, Map.of()).body("application/json",
                        "{\"programId\":«programId»,\"seats\":[«seat»]}", Map.of("programId", "\"" + program + "\"", "seat", "\"A-1\"")),
                Endpoint.of("POST", "/api/orders", Caller.USER, Map.of()).body("application/json",
                        "{\"programId\":«programId»,\"categoryId\":«categoryId»,\"quantity\":«quantity»}",
                        Map.of("programId", "\"" + program + "\"", "categoryId", "\"floor\"", "quantity", "1")),
                Endpoint.of("GET", "/api/orders", Caller.USER, Map.of()).query(Map.of("page", "0", "size", "20")),
                Endpoint.of("GET", "/api/orders/" + order, Caller.USER, paid),
                Endpoint.of("POST", "/api/orders/" + order + "/cancel", Caller.USER, cancel),
                Endpoint.of("POST", "/api/orders/" + order + "/payments", Caller.USER, paid)
                        .body("application/json", "{\"channel\":«channel»}", Map.of("channel", "\"sandbox-card\"")),
                Endpoint.of("GET", "/api/orders/" + order + "/payments", Caller.USER, paid),
                Endpoint.of("GET", "/api/orders/" + order + "/history", Caller.USER, paid),
                Endpoint.of("GET", "/api/orders/" + order + "/events", Caller.USER, paid),
                Endpoint.of("GET", "/api/entitlements/{productId}", Caller.USER, Map.of("productId", "lifetime")),
                Endpoint.of("GET", "/api/admin/users/{userId}/entitlements/{productId}", Caller.ADMIN,
                        Map.of("userId", user, "productId", "lifetime")).query(Map.of("asOf", "2020-01-01T00:00:00Z")),
                Endpoint.of("POST", "/api/admin/imports/purchases", Caller.ADMIN, Map.of()).body("application/x-ndjson",
                        "{\"userId\":«userId»,\"productId\":«productId»,\"purchasedAt\":«purchasedAt»,\"reference\":«reference»}\n",
                        Map.of("userId", "\"matrix-imported\"", "productId", "\"course\"", "purchasedAt", "\"2019-03-01T08:00:00Z\"",
                                "reference", "\"matrix-1\"")),
                Endpoint.of("POST", "/api/admin/orders/" + order + "/refund", Caller.ADMIN, cancel),
                Endpoint.of("GET", "/api/admin/reconciliation", Caller.ADMIN, Map.of()),
                Endpoint.of("GET", "/api/admin/projections", Caller.ADMIN, Map.of()),
                Endpoint.of("GET", "/api/admin/projections/{name}", Caller.ADMIN, Map.of("name", "catalog")),
                Endpoint.of("POST", "/api/admin/projections/{name}/replay", Caller.ADMIN, Map.of("name", "no-such-view")),
                Endpoint.of("GET", "/api/admin/duplicate-suspects", Caller.ADMIN, Map.of()),
                Endpoint.of("GET", "/api/admin/dead-letters", Caller.ADMIN, Map.of()),
                Endpoint.of("POST", "/api/admin/dead-letters/{processor}/retry", Caller.ADMIN, Map.of("processor", "no-such-processor")),
                Endpoint.of("GET", "/api/programs/{programId}/seats", Caller.USER, Map.of("programId", program)),
                Endpoint.of("POST", "/api/admin/coupons", Caller.ADMIN, Map.of()).body("application/json", """
                        {"id":«id»,"name":«name»,"discount":{"amount":«amount»,"currency":«currency»},"stock":«stock»,\
                        "validFrom":«validFrom»,"validUntil":«validUntil»}""",
                        Map.of("id", "\"matrix-coupon\"", "name", "\"Matrix\"", "amount", "\"1.00\"", "currency", "\"CNY\"",
                                "stock", "10", "validFrom", "\"2026-01-01T00:00:00Z\"", "validUntil", "\"2099-01-01T00:00:00Z\"")),
                Endpoint.of("POST", "/api/admin/coupons", Caller.ADMIN, Map.of()).body("application/json", """
                        {"id":"matrix-percent","name":"Matrix","discount":{"percent":«percent»},"stock":10,\
                        "validFrom":"2026-01-01T00:00:00Z","validUntil":"2099-01-01T00:00:00Z"}""", Map.of("percent", "5")),
                Endpoint.of("POST", "/api/admin/coupons/{couponId}/withdraw", Caller.ADMIN, Map.of("couponId", "matrix-unknown")),
                Endpoint.of("GET", "/api/coupons", Caller.USER, Map.of()),
                Endpoint.of("GET", "/api/coupons/mine", Caller.USER, Map.of()),
                Endpoint.of("POST", "/api/coupons/{couponId}/claims", Caller.USER, Map.of("couponId", coupon)),
                Endpoint.of("POST", "/api/orders", Caller.USER, Map.of()).body("application/json",
                        "{\"items\":[{\"productId\":\"coffee\",\"quantity\":1}],\"couponId\":«couponId»}",
                        Map.of("couponId", "\"" + coupon + "\"")),
                // an unknown order: a valid notice is then 404, and the shared node's ledger and reconciliation stay untouched
                Endpoint.of("POST", "/api/payments/notifications/{provider}", Caller.NONE, Map.of("provider", "sandbox"))
                        .body("application/json", """
                                {"id":«id»,"type":«type»,"paymentId":«paymentId»,"orderId":«orderId»,\
                                "amount":{"amount":«amount»,"currency":«currency»},"capturedAt":«capturedAt»}""",
                                Map.of("id", "\"evt-matrix\"", "type", "\"payment.captured\"", "paymentId", "\"" + UUID.randomUUID() + "\"",
                                        "orderId", "\"" + UUID.randomUUID() + "\"", "amount", "\"9.90\"", "currency", "\"CNY\"",
                                        "capturedAt", "\"2026-01-01T00:00:00Z\"")),
                Endpoint.of("POST", "/sandbox/payments/{paymentId}/pay", Caller.NONE, Map.of("paymentId", paymentId))
                        .body("application/json", "{\"notification\":«notification»,\"force\":«force»}",
                                Map.of("notification", "\"DROP\"", "force", "false")),
                Endpoint.of("GET", "/sandbox/ledger", Caller.NONE, Map.of()),
                // the shared node has a real secret: 404, whatever is sent
                Endpoint.of("GET", "/api/demo-token", Caller.NONE, Map.of()));
    }

    @Test
    void noInputOnAnyEndpointGetsA5xxAnAnswerThatIsNotAProblemOrStoresAnything() throws InterruptedException {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String var : endpoint.vars().keySet()) {
                TEXT.forEach(text -> cases.add(() -> check(endpoint, "path " + var + " = " + text.name(),
                        request(endpoint).pathVar(var, text), failures)));
            }
            for (String param : endpoint.query().keySet()) {
                TEXT.forEach(text -> cases.add(() -> check(endpoint, "query " + param + " = " + text.name(),
                        request(endpoint).param(param, text), failures)));
            }
            for (String header : endpoint.headers()) {
                TEXT.stream().filter(text -> !text.raw()).forEach(text -> cases.add(() -> check(endpoint,
                        "header " + header + " = " + text.name(), request(endpoint).header(header, text.value()), failures)));
            }
            for (String field : endpoint.fields().keySet()) {
                JSON.forEach((name, json) -> cases.add(() -> check(endpoint, "field " + field + " = " + name,
                        request(endpoint).field(field, json), failures)));
            }
        }
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<String> logged;
        try (CapturedLog log = CapturedLog.start()) {
            cases.forEach(clients::execute);
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("all requests answered in time").isTrue();
            logged = log.errorsAndStackTraces();
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("bad-input matrix: %d endpoints, %d text and %d JSON mutators, %d requests in %d s%n",
                endpoints().size(), TEXT.size(), JSON.size(), cases.size(), (System.nanoTime() - started) / 1_000_000_000);
        int sent = cases.size();
        assertThat(failures).as("%d of %d requests", failures.size(), sent).isEmpty();
        assertThat(logged).as("logged at ERROR or with a stack trace while serving bad input").isEmpty();
    }

    private void check(Endpoint endpoint, String what, Request request, List<String> failures) {
        RawHttp.Answer answer = request.send();
        String where = endpoint + " with " + what + " -> " + answer.status() + " " + abbreviated(answer.body());
        if (answer.status() >= 500 || answer.status() < 100) {
            failures.add(where);
        } else if (answer.status() >= 400) {
            var json = answer.json();
            if (!String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")
                    || json.path("code").asText("").isEmpty() || json.path("status").asInt() != answer.status()
                    || json.path("title").asText("").isBlank() || json.path("detail").asText("").isBlank()) {
                failures.add("not a problem: " + where);
            }
            // only a correlation id no other request used tells this request's events apart: ours, or the server's own
            String correlation = answer.header("X-Correlation-Id");
            boolean unique = correlation != null && !correlation.equals(request.headers.get("X-Correlation-Id"))
                    || request.headers.getOrDefault("X-Correlation-Id", "").startsWith("matrix-");
            if (unique && eventsOf(correlation) > 0) {
                failures.add("stored events: " + where);
            }
        }
    }

    private static long eventsOf(String correlationId) {
        Long count = node.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(? in meta_data) > 0",
                Long.class, ("\"correlationId\":\"" + correlationId + "\"").getBytes(StandardCharsets.UTF_8));
        return count == null ? 0 : count;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    Request request(Endpoint endpoint) {
        int n = counter.incrementAndGet();
        Request request = new Request(endpoint);
        endpoint.vars().forEach((name, value) -> request.vars.put(name, encoded(value)));
        endpoint.query().forEach((name, value) -> request.query.put(name, encoded(value)));
        request.fields.putAll(endpoint.fields());
        request.headers.put("Idempotency-Key", "matrix-" + UUID.randomUUID());
        request.headers.put("X-Correlation-Id", "matrix-" + n + "-" + UUID.randomUUID());
        request.headers.put("traceparent", "00-" + HexFormat.of().formatHex(new byte[16]).replace('0', 'a') + "-00f067aa0ba902b7-01");
        switch (endpoint.caller()) {
            case USER -> request.headers.put("Authorization", "Bearer " + userToken);
            case ADMIN -> request.headers.put("Authorization", "Bearer " + adminToken);
            case NONE -> { }
        }
        if (endpoint.contentType() != null) {
            request.headers.put("Content-Type", endpoint.contentType());
        }
        return request;
    }

    /** A request being built: every slot valid until one is mutated. */
    final class Request {
        final Endpoint endpoint;
        final Map<String, String> vars = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, String> fields = new LinkedHashMap<>();
        boolean signatureGiven;

        Request(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        Request pathVar(String name, Text text) {
            vars.put(name, text.value() == null ? "" : text.raw() ? text.value() : encoded(text.value()));
            return this;
        }

        Request param(String name, Text text) {
            if (text.value() == null) {
                query.remove(name);
            } else {
                query.put(name, text.raw() ? text.value() : encoded(text.value()));
            }
            return this;
        }

        Request header(String name, String value) {
            signatureGiven |= name.equals("Sandbox-Signature");
            if (value == null) {
                headers.remove(name);
            } else {
                // each UTF-8 byte as one ISO-8859-1 char: the raw bytes go out as they are
                headers.put(name, new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
            return this;
        }

        Request field(String name, String json) {
            fields.put(name, json);
            return this;
        }

        RawHttp.Answer send() {
            String path = endpoint.path();
            for (Map.Entry<String, String> var : vars.entrySet()) {
                path = path.replace("{" + var.getKey() + "}", var.getValue());
            }
            if (!query.isEmpty()) {
                path += "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
            }
            String body = endpoint.body() == null ? "" : endpoint.body();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body = body.replace("«" + field.getKey() + "»", field.getValue());
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (endpoint.path().startsWith("/api/payments/notifications") && !signatureGiven) {
                headers.put("Sandbox-Signature", sign(body));
            }
            StringBuilder head = new StringBuilder(endpoint.method() + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1");
            headers.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
            return RawHttp.send(api.port(), head.toString(), bytes);
        }
    }

    private static String sign(String body) {
        try {
            long t = Instant.now().getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SANDBOX_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encoding of every byte but the unreserved ones (RFC 3986). */
    private static String encoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
