package dev.buyonce.app.demo;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.catalog.DefineProduct;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.DefineCoupon;
import dev.buyonce.kernel.ticket.DefineProgram;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatRow;
import dev.buyonce.kernel.ticket.TicketCategory;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A small catalog, one coupon and one program with seats, for trying BuyOnce out (the buyer's page shows all three);
 * defining them again at every start changes nothing.
 */
@Component
@ConditionalOnProperty(name = "buyonce.demo.catalog", havingValue = "true")
class DemoCatalog {
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    static final List<DefineProduct> PRODUCTS = List.of(
            new DefineProduct(new ProductId("pro-lifetime"), "BuyOnce Pro, lifetime licence", ProductKind.PERMANENT,
                    Money.of("199.00", "CNY")),
            new DefineProduct(new ProductId("course-ddd"), "Domain-Driven Design video course", ProductKind.PERMANENT,
                    Money.of("99.00", "CNY")),
            new DefineProduct(new ProductId("coffee"), "A cup of coffee", ProductKind.CONSUMABLE,
                    Money.of("9.90", "CNY")),
            new DefineProduct(new ProductId("credits-100"), "100 API credits", ProductKind.CONSUMABLE,
                    Money.of("19.90", "CNY")));
    static final DefineCoupon COUPON = new DefineCoupon(new CouponId("WELCOME10"), "10% off your first order",
            CouponDiscount.percent(10), 1000, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));

    static final DefineProgram PROGRAM = new DefineProgram(new ProgramId("demo-concert"), "BuyOnce live: a demo concert",
            Instant.parse("2099-06-01T19:30:00Z"), 4, 8, List.of(
                    new TicketCategory("front", "Front stalls", Money.of("280.00", "CNY"),
                            List.of(new SeatRow("A", 10), new SeatRow("B", 10))),
                    new TicketCategory("balcony", "Balcony", Money.of("120.00", "CNY"),
                            List.of(new SeatRow("C", 12), new SeatRow("D", 12)))));

    private final CommandGateway commands;

    DemoCatalog(CommandGateway commands) {
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void define() {
        for (DefineProduct product : PRODUCTS) {
            try {
                commands.sendAndWait(product);
            } catch (RuleViolation e) {
                log.warn("demo product {} left as it is: {}", product.productId(), e.getMessage());
            }
        }
        try {
            commands.sendAndWait(COUPON);
        } catch (RuleViolation e) {
            log.warn("demo coupon {} left as it is: {}", COUPON.couponId(), e.getMessage());
        }
        try {
            commands.sendAndWait(PROGRAM);
        } catch (RuleViolation e) {
            log.warn("demo program {} left as it is: {}", PROGRAM.programId(), e.getMessage());
        }
    }
}
