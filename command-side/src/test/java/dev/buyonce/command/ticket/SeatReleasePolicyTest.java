package dev.buyonce.command.ticket;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.order.CancellationReason;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ReleaseSeats;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/** Whatever cancels an order (its owner, or the payment saga at the deadline) gives its seats back. */
class SeatReleasePolicyTest {
    static final UserId ALICE = new UserId("alice");
    static final OrderId ORDER = new OrderId(UUID.fromString("00000000-0000-5000-8000-000000000001"));
    static final ProgramId SHOW = new ProgramId("show");
    static final List<SeatId> SEATS = List.of(new SeatId("A-1"), new SeatId("A-2"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final OrderLine FLOOR = new OrderLine(new ProductId("show.floor"), ProductKind.CONSUMABLE, 2, Money.of("280.00", "CNY"));

    final EventStore events = mock(EventStore.class);
    final CommandGateway commands = mock(CommandGateway.class);
    final SeatReleasePolicy policy = new SeatReleasePolicy(events, commands);

    void history(OrderPlaced placed) {
        when(events.readEvents(ORDER.toString())).thenReturn(DomainEventStream.of(
                new GenericDomainEventMessage<>("Order", ORDER.toString(), 0, placed)));
    }

    @Test
    void theDeadlinePassingReleasesTheSeatsTheOrderHolds() {
        history(new OrderPlaced(ORDER, ALICE, List.of(FLOOR), Money.of("560.00", "CNY"), NOW, NOW, "fp", SHOW, SEATS));
        policy.on(new OrderCancelled(ORDER, ALICE, CancellationReason.PAYMENT_DEADLINE_PASSED, NOW.plusSeconds(900)));
        verify(commands).sendAndWait(new ReleaseSeats(ORDER, ALICE, SHOW, SEATS, NOW.plusSeconds(900)));
    }

    @Test
    void anOrderWithoutSeatsReleasesNothing() {
        history(new OrderPlaced(ORDER, ALICE, List.of(FLOOR), Money.of("560.00", "CNY"), NOW, NOW, "fp"));
        policy.on(new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, NOW));
        verify(commands, never()).sendAndWait(any());
    }
}
