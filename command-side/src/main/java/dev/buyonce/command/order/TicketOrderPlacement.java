package dev.buyonce.command.order;

import dev.buyonce.command.CommandSettings;
import dev.buyonce.command.ticket.NotEnoughSeats;
import dev.buyonce.command.ticket.ProgramLookup;
import dev.buyonce.command.ticket.SeatPicker;
import dev.buyonce.command.ticket.SeatUnavailable;
import dev.buyonce.command.ticket.TicketLimitExceeded;
import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.DeterministicIds;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.PlaceOrderResult;
import dev.buyonce.kernel.ticket.PlaceTicketOrder;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ProgramView;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.TicketCategory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;

/**
 * The edge of ticket orders: validates seats against the program, picks adjacent seats when asked for a
 * quantity, prices per category and dispatches one {@link PlaceTicketOrder}. An auto-assigned order whose
 * proposal met a taken seat is tried again with a fresh proposal, a bounded number of times.
 */
@Service
class TicketOrderPlacement {
    static final int PICK_ATTEMPTS = 12;
    private final CommandGateway commands;
    private final ProgramLookup programs;
    private final SeatPicker picker;
    private final ConflictRetry retry;
    private final Clock clock;
    private final Duration paymentTimeout;

    TicketOrderPlacement(CommandGateway commands, ProgramLookup programs, SeatPicker picker, ConflictRetry retry,
                         Clock clock, CommandSettings settings) {
        this.commands = commands;
        this.programs = programs;
        this.picker = picker;
        this.retry = retry;
        this.clock = clock;
        this.paymentTimeout = settings.orders().paymentTimeout();
    }

    PlaceOrderResult place(UserId user, IdempotencyKey key, PlaceOrderRequest request) {
        ProgramView program = programs.require(new ProgramId(request.programId()));
        Intent intent = new Intent(user, key, program, fingerprint(request), request.coupon());
        if (request.seats() != null) {
            return send(intent, chosen(program, request.seats()));
        }
        TicketCategory category = program.category(request.categoryId())
                .orElseThrow(() -> RuleViolation.invalid("categoryId", "program " + program.programId() + " has no category " + request.categoryId()));
        if (request.quantity() > program.maxTicketsPerOrder()) {
            throw new TicketLimitExceeded("per order", program.maxTicketsPerOrder(), request.quantity());
        }
        for (int attempt = 1; attempt <= PICK_ATTEMPTS; attempt++) {
            List<SeatId> proposal = picker.pick(program.programId(), category.id(), request.quantity());
            if (proposal.isEmpty()) {
                break;
            }
            try {
                PlaceOrderResult result = send(intent, proposal);
                if (result.duplicated()) {
                    picker.giveBack(program.programId(), proposal);
                }
                return result;
            } catch (SeatUnavailable e) {
                // the taken seats stay claimed until the map shows them; the others go back into the pool
                picker.giveBack(program.programId(), proposal.stream().filter(s -> !e.seats().contains(s)).toList());
            } catch (RuntimeException e) {
                picker.giveBack(program.programId(), proposal);
                throw e;
            }
        }
        throw new NotEnoughSeats(category.id(), request.quantity());
    }

    /** What one request asks for, priced and dated once, whatever seats the attempts propose. */
    private record Intent(UserId user, IdempotencyKey key, ProgramView program, String fingerprint, CouponId coupon) {
    }

    private PlaceOrderResult send(Intent intent, List<SeatId> seats) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ProgramView program = intent.program();
        PlaceTicketOrder command = new PlaceTicketOrder(OrderId.forIntent(intent.user(), intent.key()), intent.user(),
                program.programId(), seats, lines(program, seats), program.maxTicketsPerOrder(),
                program.maxTicketsPerUser(), intent.fingerprint(), now, now.plus(paymentTimeout), intent.coupon());
        MetaData metaData = MetaData.with("userId", intent.user().value()).and("idempotencyKey", intent.key().value());
        return retry.sendForKey(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
    }

    private static List<SeatId> chosen(ProgramView program, List<String> requested) {
        List<SeatId> seats = requested.stream().map(SeatId::new).toList();
        if (seats.stream().distinct().count() != seats.size()) {
            throw RuleViolation.invalid("seats", "a seat appears twice");
        }
        seats.stream().filter(seat -> program.categoryOf(seat).isEmpty()).findFirst().ifPresent(seat -> {
            throw RuleViolation.invalid("seats", "program " + program.programId() + " has no seat " + seat);
        });
        if (seats.size() > program.maxTicketsPerOrder()) {
            throw new TicketLimitExceeded("per order", program.maxTicketsPerOrder(), seats.size());
        }
        return seats;
    }

    /** One line per category: the program's price for each of its seats. */
    private static List<OrderLine> lines(ProgramView program, List<SeatId> seats) {
        Map<TicketCategory, Long> perCategory = seats.stream().collect(Collectors.groupingBy(
                seat -> program.categoryOf(seat).orElseThrow(), LinkedHashMap::new, Collectors.counting()));
        return perCategory.entrySet().stream()
                .map(e -> new OrderLine(new ProductId(program.programId() + "." + e.getKey().id()), ProductKind.CONSUMABLE,
                        e.getValue().intValue(), e.getKey().price()))
                .toList();
    }

    /** What the client asked, normalised: seat order does not matter; the seats the server picks are not part of it. */
    static String fingerprint(PlaceOrderRequest request) {
        String asked = request.seats() != null
                ? "seats:" + request.seats().stream().sorted().collect(Collectors.joining(","))
                : "category:" + request.categoryId() + "*" + request.quantity();
        if (request.couponId() != null) {
            // only when present: orders placed before coupons keep the fingerprint they were stored with
            return DeterministicIds.of("order-tickets-v1", request.programId(), asked, "coupon:" + request.couponId()).toString();
        }
        return DeterministicIds.of("order-tickets-v1", request.programId(), asked).toString();
    }
}
