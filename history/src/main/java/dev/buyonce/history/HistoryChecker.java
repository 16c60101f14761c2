package dev.buyonce.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a run against the event store, the one record of what happened. It reads every event in the order of
 * the log and verifies, whatever the run did (node loss, a crash, a database restart, a benchmark):
 * <ul>
 *   <li>every order a client was answered 2xx for exists;</li>
 *   <li>no (user, Idempotency-Key) has two orders, and every answer for one carried the same order;</li>
 *   <li>no (user, permanent product) ever has two live or paid orders at once;</li>
 *   <li>no seat is held or sold for two orders at once;</li>
 *   <li>no order keeps two captures;</li>
 *   <li>no (coupon, user) has two claims, and no coupon has more claims than its stock;</li>
 *   <li>every coupon claim a client was answered 2xx for exists, and no claim is used by two orders at once;</li>
 *   <li>reconciliation with the provider is empty both ways, when its answer is given.</li>
 * </ul>
 * Requests that got no answer may or may not have taken effect; they are never counted as lost.
 */
public final class HistoryChecker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KERNEL = "dev.buyonce.kernel.";

    /** What the check found: {@code violations} is empty when every guarantee held. */
    public record Report(List<String> violations, Map<String, Long> counts) {

        public boolean clean() {
            return violations.isEmpty();
        }

        @Override
        public String toString() {
            return (clean() ? "clean" : violations.size() + " violation(s): " + String.join("; ", violations.subList(0,
                    Math.min(20, violations.size())))) + " " + counts;
        }
    }

    private record Event(String aggregateId, String type, JsonNode payload, JsonNode metaData) {
    }

    private final List<String> violations = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Set<String> placed = new HashSet<>();
    private final Map<String, String> orderOfIntent = new HashMap<>();
    private final Map<String, Set<String>> livePermanent = new HashMap<>();
    private final Map<String, List<String>> permanentLinesOf = new HashMap<>();
    private final Map<String, Integer> paidCount = new HashMap<>();
    private final Map<String, String> seatHolder = new HashMap<>();
    private final Map<String, Integer> couponStock = new HashMap<>();
    private final Map<String, Integer> couponClaims = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final Map<String, String> claimUsedBy = new HashMap<>();

    private HistoryChecker() {
    }

    /**
     * @param database       an open connection to the service's database
     * @param history        what the clients asked and were answered (may be empty)
     * @param reconciliation the answer of {@code GET /api/admin/reconciliation}, or null to skip that check
     */
    public static Report check(Connection database, History history, JsonNode reconciliation) throws SQLException {
        HistoryChecker checker = new HistoryChecker();
        checker.readEvents(database);
        checker.checkAnswers(history);
        if (reconciliation != null) {
            checker.checkReconciliation(reconciliation);
        }
        return new Report(List.copyOf(checker.violations), Map.copyOf(checker.counts));
    }

    private void readEvents(Connection database) throws SQLException {
        try (PreparedStatement select = database.prepareStatement("SELECT aggregate_identifier, payload_type, payload, "
                + "meta_data FROM domain_event_entry ORDER BY global_index")) {
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2);
                    count("events");
                    if (type.startsWith(KERNEL)) {
                        apply(new Event(rows.getString(1), type.substring(KERNEL.length()), json(rows.getBytes(3)),
                                json(rows.getBytes(4))));
                    }
                }
            }
        }
    }

    private void apply(Event event) {
        JsonNode p = event.payload();
        switch (event.type()) {
            case "order.OrderPlaced" -> orderPlaced(event);
            case "order.OrderCancelled" -> orderEnded(p.path("orderId").asText());
            case "payment.OrderRefunded" -> orderEnded(p.path("orderId").asText());
            case "payment.OrderPaid" -> {
                String order = p.path("orderId").asText();
                count("orders paid");
                if (paidCount.merge(order, 1, Integer::sum) > 1) {
                    violations.add("order " + order + " keeps two captures");
                }
            }
            case "ticket.SeatHeld" -> seatTaken(event, "held");
            case "ticket.SeatSold" -> seatTaken(event, "sold");
            case "ticket.SeatReleased" -> seatHolder.remove(event.aggregateId());
            case "coupon.CouponDefined" -> couponStock.put(p.path("couponId").asText(), p.path("stock").asInt());
            case "coupon.CouponClaimed" -> couponClaimed(p);
            case "coupon.CouponRedeemed" -> {
                String order = p.path("orderId").asText();
                String holder = claimUsedBy.put(p.path("claimId").asText(), order);
                if (holder != null && !holder.equals(order)) {
                    violations.add("coupon claim " + p.path("claimId").asText() + " used by order " + order
                            + " while order " + holder + " used it");
                }
            }
            case "coupon.CouponReturned" -> claimUsedBy.remove(p.path("claimId").asText());
            default -> {
            }
        }
    }

    private void orderPlaced(Event event) {
        JsonNode p = event.payload();
        String order = p.path("orderId").asText();
        String user = p.path("userId").asText();
        count("orders placed");
        if (!placed.add(order)) {
            violations.add("order " + order + " placed twice");
        }
        String key = event.metaData().path("idempotencyKey").asText(null);
        if (key != null) {
            String earlier = orderOfIntent.putIfAbsent(user + " " + key, order);
            if (earlier != null && !earlier.equals(order)) {
                violations.add("user " + user + " key " + key + " has two orders: " + earlier + ", " + order);
            }
        }
        List<String> permanent = new ArrayList<>();
        for (JsonNode line : p.path("lines")) {
            if ("PERMANENT".equals(line.path("kind").asText())) {
                String owned = user + " " + line.path("productId").asText();
                Set<String> live = livePermanent.computeIfAbsent(owned, k -> new HashSet<>());
                if (!live.isEmpty()) {
                    violations.add("user and permanent product " + owned + " have two live or paid orders: "
                            + live + " and " + order);
                }
                live.add(order);
                permanent.add(owned);
            }
        }
        permanentLinesOf.put(order, permanent);
    }

    /** Cancelled or refunded: no longer live or paid. */
    private void orderEnded(String order) {
        for (String owned : permanentLinesOf.getOrDefault(order, List.of())) {
            livePermanent.getOrDefault(owned, new HashSet<>()).remove(order);
        }
    }

    private void seatTaken(Event event, String how) {
        String order = event.payload().path("orderId").asText();
        String holder = seatHolder.put(event.aggregateId(), order);
        if (holder != null && !holder.equals(order)) {
            violations.add("seat " + event.payload().path("seatId").asText() + " " + how + " for order " + order
                    + " while order " + holder + " had it");
        }
    }

    private void couponClaimed(JsonNode p) {
        String coupon = p.path("couponId").asText();
        String user = p.path("userId").asText();
        count("coupon claims");
        if (!claimed.add(coupon + " " + user)) {
            violations.add("user " + user + " claimed coupon " + coupon + " twice");
        }
        int claims = couponClaims.merge(coupon, 1, Integer::sum);
        Integer stock = couponStock.get(coupon);
        if (stock != null && claims > stock) {
            violations.add("coupon " + coupon + " has " + claims + " claims for a stock of " + stock);
        }
    }

    private void checkAnswers(History history) {
        Map<String, String> answered = new HashMap<>();
        for (History.Op op : history.ops()) {
            count("requests " + op.kind());
            if (op.acknowledged() && op.kind().equals("claim-coupon")) {
                claimAcknowledged(op);
            }
            if (!op.acknowledged() || !op.kind().equals("place-order")) {
                continue;
            }
            count("orders acknowledged");
            String order = json(op.answer().getBytes(StandardCharsets.UTF_8)).path("orderId").asText(null);
            if (order == null) {
                violations.add("a 2xx order answer without an orderId: " + op.answer());
                continue;
            }
            if (!placed.contains(order)) {
                violations.add("acknowledged order " + order + " (user " + op.user() + ", key " + op.key()
                        + ") is not in the event store");
            }
            if (op.key() != null) {
                String earlier = answered.putIfAbsent(op.user() + " " + op.key(), order);
                if (earlier != null && !earlier.equals(order)) {
                    violations.add("user " + op.user() + " key " + op.key() + " was answered two orders: " + earlier
                            + ", " + order);
                }
            }
        }
    }

    private void claimAcknowledged(History.Op op) {
        count("coupon claims acknowledged");
        String coupon = json(op.answer().getBytes(StandardCharsets.UTF_8)).path("couponId").asText(null);
        if (coupon == null) {
            violations.add("a 2xx claim answer without a couponId: " + op.answer());
        } else if (!claimed.contains(coupon + " " + op.user())) {
            violations.add("acknowledged claim of coupon " + coupon + " by user " + op.user()
                    + " is not in the event store");
        }
    }

    private void checkReconciliation(JsonNode reconciliation) {
        for (String list : List.of("unexplained", "paidWithoutCapture")) {
            JsonNode entries = reconciliation.path(list);
            if (!entries.isArray()) {
                violations.add("reconciliation has no " + list + " list: " + reconciliation);
            } else if (!entries.isEmpty()) {
                violations.add("reconciliation " + list + ": " + entries);
            }
        }
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
