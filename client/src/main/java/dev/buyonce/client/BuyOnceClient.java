package dev.buyonce.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The BuyOnce HTTP API (docs/API.md) for a signed-in user, on {@code java.net.http} and Jackson.
 * Creating calls go through an {@link Intent} that holds its Idempotency-Key; every call is retried within its
 * {@link RetryPolicy}, and a problem answer is thrown as a {@link ProblemException}.
 *
 * <pre>{@code
 * BuyOnceClient client = BuyOnceClient.builder(URI.create("http://localhost:8080")).token(jwt).build();
 * Intent<Order> purchase = client.purchase(OrderRequest.of("pro-lifetime", 1));
 * Outcome<Order> placed = purchase.submit();   // same key on every retry and every later submit()
 * client.payment(placed.value().orderId(), "sandbox-card").submit();
 * }</pre>
 */
public final class BuyOnceClient {
    private static final TypeReference<List<Product>> PRODUCTS = new TypeReference<>() { };
    private static final TypeReference<List<PaymentAttempt>> ATTEMPTS = new TypeReference<>() { };
    private static final TypeReference<List<Coupon>> COUPONS = new TypeReference<>() { };
    private static final TypeReference<List<CouponClaim>> CLAIMS = new TypeReference<>() { };

    private final URI base;
    private final String token;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final RetryingSender sender;

    private BuyOnceClient(URI base, String token, Duration requestTimeout, ObjectMapper json, RetryingSender sender) {
        this.base = base;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.sender = sender;
    }

    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /** The same client (connections, policy) acting for the holder of another token. */
    public BuyOnceClient withToken(String otherToken) {
        return new BuyOnceClient(base, otherToken, requestTimeout, json, sender);
    }

    public List<Product> products() {
        return read(get("/api/products"), PRODUCTS);
    }

    /** A new purchase intent with a key of its own. */
    public Intent<Order> purchase(OrderRequest request) {
        return purchase(request, newKey());
    }

    /** The purchase intent that was given {@code idempotencyKey} before (after a restart, say). */
    public Intent<Order> purchase(OrderRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        return new Intent<>(idempotencyKey, key -> create("/api/orders", key, request, Order.class));
    }

    public Order order(String orderId) {
        return read(get("/api/orders/" + segment(orderId)), Order.class);
    }

    public OrderPage orders(int page, int size) {
        return read(get("/api/orders?page=" + page + "&size=" + size), OrderPage.class);
    }

    /** Cancels an unpaid order; cancelling it again answers the same. */
    public Order cancel(String orderId) {
        return read(request("/api/orders/" + segment(orderId) + "/cancel").POST(HttpRequest.BodyPublishers.noBody()),
                Order.class);
    }

    /** A new intent to pay {@code orderId} through {@code channel} (the sandbox: sandbox-card, sandbox-wallet). */
    public Intent<Payment> payment(String orderId, String channel) {
        return payment(orderId, channel, newKey());
    }

    public Intent<Payment> payment(String orderId, String channel, String idempotencyKey) {
        return new Intent<>(idempotencyKey, key -> create("/api/orders/" + segment(orderId) + "/payments", key,
                Map.of("channel", channel), Payment.class));
    }

    public List<PaymentAttempt> payments(String orderId) {
        return read(get("/api/orders/" + segment(orderId) + "/payments"), ATTEMPTS);
    }

    public Entitlement entitlement(String productId) {
        return read(get("/api/entitlements/" + segment(productId)), Entitlement.class);
    }

    /** The coupons claimable now. */
    public List<Coupon> coupons() {
        return read(get("/api/coupons"), COUPONS);
    }

    /** The caller's claims, newest first. */
    public List<CouponClaim> myCoupons() {
        return read(get("/api/coupons/mine"), CLAIMS);
    }

    /** A new intent to claim {@code couponId}; one claim per user and coupon, whatever the key. */
    public Intent<CouponClaim> claim(String couponId) {
        return claim(couponId, newKey());
    }

    public Intent<CouponClaim> claim(String couponId, String idempotencyKey) {
        return new Intent<>(idempotencyKey, key -> create("/api/coupons/" + segment(couponId) + "/claims", key, null,
                CouponClaim.class));
    }

    public SeatMap seatMap(String programId) {
        return read(get("/api/programs/" + segment(programId) + "/seats"), SeatMap.class);
    }

    private <T> Outcome<T> create(String path, String key, Object body, Class<T> type) {
        HttpRequest.Builder request = request(path).header("Idempotency-Key", key);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)));
        }
        RetryingSender.Answer answer = sender.send(request.build());
        JsonNode tree = tree(answer);
        boolean replayed = answer.response().headers().firstValue("Idempotent-Replayed").filter("true"::equalsIgnoreCase).isPresent()
                || tree.path("duplicated").asBoolean(false);
        return new Outcome<>(json.convertValue(tree, type), replayed, answer.status(), key);
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private <T> T read(HttpRequest.Builder request, Class<T> type) {
        return json.convertValue(tree(sender.send(request.build())), type);
    }

    private <T> T read(HttpRequest.Builder request, TypeReference<T> type) {
        return json.convertValue(tree(sender.send(request.build())), type);
    }

    private JsonNode tree(RetryingSender.Answer answer) {
        try {
            return json.readTree(answer.response().body());
        } catch (IOException e) {
            throw new IllegalStateException("the service answered " + answer.status() + " with a body that is not JSON", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "id"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    public static final class Builder {
        private final URI base;
        private String token;
        private RetryPolicy retry = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private RetryingSender.Sleeper sleeper = pause -> Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);

        private Builder(URI base) {
            String text = Objects.requireNonNull(base, "baseUri").toString();
            this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        /** The bearer token (a JWT) of the user the client acts for. */
        public Builder token(String bearerToken) {
            this.token = bearerToken;
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** How long one attempt may wait for its answer before it counts as failed (and is retried). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        Builder sleeper(RetryingSender.Sleeper pauses) {
            this.sleeper = pauses;
            return this;
        }

        public BuyOnceClient build() {
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    // the contract grows by adding fields: an older client ignores them
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
            return new BuyOnceClient(base, token, requestTimeout, json, new RetryingSender(http, json, retry, sleeper));
        }
    }
}
