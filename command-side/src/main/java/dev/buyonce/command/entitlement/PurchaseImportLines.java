package dev.buyonce.command.entitlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.buyonce.command.catalog.CatalogLookup;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.catalog.ProductView;
import dev.buyonce.kernel.entitlement.ImportedPurchase;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Parses and checks one NDJSON line of a purchase import: one JSON object and nothing after it, a purchase
 * dated between {@link #EARLIEST} and a few minutes from now (clocks differ a little; a purchase from the
 * future does not exist).
 */
@Component
class PurchaseImportLines {
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private final ObjectReader reader;
    private final CatalogLookup catalog;

    PurchaseImportLines(ObjectMapper mapper, CatalogLookup catalog) {
        this.reader = mapper.readerFor(Line.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.catalog = catalog;
    }

    record Line(String userId, String productId, String purchasedAt, String reference) {
    }

    /** A parser for one import: it remembers the products it has looked up. */
    Parser parser() {
        return new Parser();
    }

    final class Parser {
        private final Map<String, Optional<ProductView>> products = new HashMap<>();

        ImportedPurchase parse(String text) {
            return PurchaseImportLines.this.parse(text, id -> products.computeIfAbsent(id, this::lookUp));
        }

        private Optional<ProductView> lookUp(String productId) {
            try {
                return Optional.of(catalog.require(new ProductId(productId)));
            } catch (RuleViolation e) {
                return Optional.empty();
            }
        }
    }

    /** The purchase on this line, or an exception whose message says why it is rejected. */
    private ImportedPurchase parse(String text, Function<String, Optional<ProductView>> products) {
        Line line;
        try {
            line = reader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object with userId, productId, purchasedAt, reference");
        }
        if (line == null || !UserId.isValid(line.userId())) {
            throw new IllegalArgumentException("userId must be 1-64 of [A-Za-z0-9_-]");
        }
        if (!ProductId.isValid(line.productId())) {
            throw new IllegalArgumentException("productId is missing or malformed");
        }
        if (line.reference() == null || line.reference().isBlank() || line.reference().length() > 255) {
            throw new IllegalArgumentException("reference must be 1-255 characters");
        }
        Instant purchasedAt = parseInstant(line.purchasedAt());
        ProductView product = products.apply(line.productId())
                .orElseThrow(() -> new IllegalArgumentException("unknown product " + line.productId()));
        if (product.kind() != ProductKind.PERMANENT) {
            throw new IllegalArgumentException("product " + line.productId() + " is not permanent");
        }
        return new ImportedPurchase(new UserId(line.userId()), product.id(), purchasedAt, line.reference());
    }

    private static Instant parseInstant(String text) {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("purchasedAt must be an ISO-8601 instant such as 2019-05-01T10:00:00Z");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException("purchasedAt must lie between " + EARLIEST + " and now");
        }
        return at;
    }
}
