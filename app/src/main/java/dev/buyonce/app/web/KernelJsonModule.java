package dev.buyonce.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimAllowanceId;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimKeyId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.StockBucketId;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.RefundId;
import dev.buyonce.kernel.ticket.AllowanceId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Function;

/**
 * JSON for the kernel's value types: ids as plain strings and amounts as decimal strings
 * ({@code {"amount":"9.90","currency":"CNY"}}), for the HTTP API and for stored events alike.
 */
public class KernelJsonModule extends SimpleModule {

    public KernelJsonModule() {
        super("buyonce-kernel");
        scalar(UserId.class, UserId::new);
        scalar(ProductId.class, ProductId::new);
        scalar(OrderId.class, text -> new OrderId(UUID.fromString(text)));
        scalar(EntitlementId.class, text -> new EntitlementId(UUID.fromString(text)));
        scalar(PaymentId.class, text -> new PaymentId(UUID.fromString(text)));
        scalar(RefundId.class, text -> new RefundId(UUID.fromString(text)));
        scalar(ProgramId.class, ProgramId::new);
        scalar(SeatId.class, SeatId::new);
        scalar(SeatKey.class, text -> new SeatKey(UUID.fromString(text)));
        scalar(AllowanceId.class, text -> new AllowanceId(UUID.fromString(text)));
        scalar(CouponId.class, CouponId::new);
        scalar(ClaimId.class, text -> new ClaimId(UUID.fromString(text)));
        scalar(ClaimKeyId.class, text -> new ClaimKeyId(UUID.fromString(text)));
        scalar(StockBucketId.class, text -> new StockBucketId(UUID.fromString(text)));
        scalar(ClaimAllowanceId.class, text -> new ClaimAllowanceId(UUID.fromString(text)));
        addSerializer(CouponDiscount.class, new CouponDiscountJson.Writer());
        addDeserializer(CouponDiscount.class, new CouponDiscountJson.Reader());
        addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value.toPlainString());
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <T> void scalar(Class<T> type, Function<String, T> parse) {
        addSerializer(type, ToStringSerializer.instance);
        addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                try {
                    return parse.apply(text);
                } catch (RuntimeException e) {
                    return (T) context.handleWeirdStringValue(type, text, e.getMessage());
                }
            }
        });
    }
}
