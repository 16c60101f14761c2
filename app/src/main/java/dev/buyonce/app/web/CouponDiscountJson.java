package dev.buyonce.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.coupon.CouponDiscount;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A discount as API.md writes it, in answers and stored events alike: {@code {"amount":"5.00","currency":"CNY"}}
 * (a fixed amount, the shape of money) or {@code {"percent":10}}.
 */
final class CouponDiscountJson {
    private CouponDiscountJson() {
    }

    static final class Writer extends StdSerializer<CouponDiscount> {
        Writer() {
            super(CouponDiscount.class);
        }

        @Override
        public void serialize(CouponDiscount discount, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartObject();
            if (discount.percent() != null) {
                generator.writeNumberField("percent", discount.percent());
            } else {
                generator.writeStringField("amount", discount.amount().amount().toPlainString());
                generator.writeStringField("currency", discount.amount().currency());
            }
            generator.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<CouponDiscount> {
        @Override
        public CouponDiscount deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            try {
                if (node.hasNonNull("percent")) {
                    return CouponDiscount.percent(node.get("percent").intValue());
                }
                return CouponDiscount.fixed(new Money(new BigDecimal(node.path("amount").asText()),
                        node.path("currency").asText()));
            } catch (RuntimeException e) {
                return (CouponDiscount) context.handleWeirdStringValue(CouponDiscount.class, node.toString(), e.getMessage());
            }
        }
    }
}
