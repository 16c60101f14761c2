package dev.buyonce.command.coupon;

import dev.buyonce.command.catalog.MoneyRequest;
import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.coupon.CouponDefinition;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponView;
import dev.buyonce.kernel.coupon.DefineCoupon;
import dev.buyonce.kernel.coupon.WithdrawCoupon;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CouponAdminController {
    /** Times every store keeps (PostgreSQL's timestamptz ends in 294276 AD; nobody means a coupon for then). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private final CommandGateway commands;
    private final ConflictRetry retry;
    private final Clock clock;

    CouponAdminController(CommandGateway commands, ConflictRetry retry, Clock clock) {
        this.commands = commands;
        this.retry = retry;
        this.clock = clock;
    }

    /** A discount is {@code {"amount","currency"}} or {@code {"percent"}}, never both. */
    record DiscountRequest(@Pattern(regexp = "\\d{1,10}(\\.\\d{1,2})?") String amount,
                           @Pattern(regexp = "[A-Z]{3}") String currency,
                           @Min(1) @Max(100) Integer percent) {

        @AssertTrue(message = "send amount and currency, or percent")
        boolean isOneShape() {
            return percent == null ? amount != null && currency != null : amount == null && currency == null;
        }

        @AssertTrue(message = "an amount must be positive")
        boolean isPositive() {
            return amount == null || amount.chars().anyMatch(c -> c >= '1' && c <= '9');
        }

        CouponDiscount toDiscount() {
            return percent != null ? CouponDiscount.percent(percent)
                    : CouponDiscount.fixed(new MoneyRequest(amount, currency).toMoney("discount"));
        }
    }

    record DefineCouponRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid DiscountRequest discount,
            @NotNull @Min(1) @Max(10_000_000) Integer stock,
            @NotNull Instant validFrom,
            @NotNull Instant validUntil) {

        @AssertTrue(message = "validFrom must be before validUntil, both between 2000 and 9999")
        boolean isValidPeriod() {
            return validFrom == null || validUntil == null
                    || (validFrom.isBefore(validUntil) && !validFrom.isBefore(EARLIEST) && !validUntil.isAfter(LATEST));
        }
    }

    /** A coupon as the admin defined it; {@code withdrawnAt} once withdrawn. */
    record CouponAnswer(String id, String name, CouponDiscount discount, int stock, Instant validFrom,
                        Instant validUntil, Instant withdrawnAt) {
        static CouponAnswer of(CouponView coupon) {
            return new CouponAnswer(coupon.couponId().value(), coupon.name(), coupon.discount(), coupon.stock(),
                    coupon.validFrom(), coupon.validUntil(), coupon.withdrawnAt());
        }
    }

    @PostMapping("/api/admin/coupons")
    ResponseEntity<CouponAnswer> define(@Valid @RequestBody DefineCouponRequest request) {
        DefineCoupon command = new DefineCoupon(new CouponId(request.id()), request.name().strip(),
                request.discount().toDiscount(), request.stock(), request.validFrom().truncatedTo(ChronoUnit.MICROS),
                request.validUntil().truncatedTo(ChronoUnit.MICROS));
        CouponDefinition outcome = retry.send(() -> commands.sendAndWait(command));
        HttpStatus status = outcome == CouponDefinition.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new CouponAnswer(request.id(), command.name(), command.discount(),
                command.stock(), command.validFrom(), command.validUntil(), null));
    }

    @PostMapping("/api/admin/coupons/{couponId}/withdraw")
    CouponAnswer withdraw(@PathVariable String couponId) {
        CouponId id = CouponId.parse(couponId).orElseThrow(CouponNotFound::new);
        WithdrawCoupon command = new WithdrawCoupon(id, clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            CouponView withdrawn = retry.send(() -> commands.sendAndWait(command));
            return CouponAnswer.of(withdrawn);
        } catch (AggregateNotFoundException e) {
            throw new CouponNotFound();
        }
    }
}
