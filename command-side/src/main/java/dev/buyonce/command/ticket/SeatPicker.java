package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ticket.CategorySeatsView;
import dev.buyonce.kernel.ticket.FindSeatMapQuery;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatMapView;
import dev.buyonce.kernel.ticket.SeatStatus;
import dev.buyonce.kernel.ticket.SeatView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Proposes adjacent free seats for an auto-assigned ticket order. Only a proposal: the Seat aggregates decide,
 * and a proposal that meets a taken seat is retried with a fresh pick. To keep concurrent buyers on this node
 * from proposing the same seats, a proposed seat stays claimed here until the (slightly stale) seat map shows
 * it taken, or until the attempt gives it back.
 */
@Component
public class SeatPicker {
    private static final long CLAIM_TTL_NANOS = Duration.ofSeconds(10).toNanos();
    /** Every query costs a pooled connection (the query bus opens a transaction), so buyers share a snapshot. */
    private static final long SNAPSHOT_TTL_NANOS = Duration.ofMillis(200).toNanos();
    private final QueryGateway queries;
    private final Map<ProgramId, Map<SeatId, Long>> claims = new ConcurrentHashMap<>();
    private final Map<ProgramId, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Set<ProgramId> refreshing = ConcurrentHashMap.newKeySet();

    private record Snapshot(SeatMapView map, long takenAt) {
        boolean fresh() {
            return System.nanoTime() - takenAt < SNAPSHOT_TTL_NANOS;
        }
    }

    SeatPicker(QueryGateway queries) {
        this.queries = queries;
    }

    /** Claims and returns {@code quantity} adjacent seats in one row of the category, or an empty list. */
    public List<SeatId> pick(ProgramId program, String categoryId, int quantity) {
        SeatMapView map = snapshot(program);
        if (map == null) {
            return List.of();
        }
        List<SeatView> seats = map.categories().stream().filter(c -> c.categoryId().equals(categoryId))
                .findFirst().map(CategorySeatsView::seats).orElse(List.of());
        Map<SeatId, Long> claimed = claims.computeIfAbsent(program, p -> new ConcurrentHashMap<>());
        synchronized (claimed) {
            forgetSettled(claimed, seats);
            List<SeatId> chosen = BestFit.choose(freeRuns(seats, claimed), quantity);
            long now = System.nanoTime();
            chosen.forEach(seat -> claimed.put(seat, now));
            return chosen;
        }
    }

    /**
     * The latest snapshot, refreshed by one buyer at a time while the others go on with the one they have:
     * a flash sale must not queue every buyer behind one refresh (a JFR recording showed exactly that).
     */
    private SeatMapView snapshot(ProgramId program) {
        Snapshot current = snapshots.computeIfAbsent(program, this::load);
        if (current.fresh() || !refreshing.add(program)) {
            return current.map();
        }
        try {
            Snapshot next = load(program);
            snapshots.put(program, next);
            return next.map();
        } finally {
            refreshing.remove(program);
        }
    }

    private Snapshot load(ProgramId program) {
        return new Snapshot(queries.query(new FindSeatMapQuery(program), ResponseTypes.optionalInstanceOf(SeatMapView.class))
                .join().orElse(null), System.nanoTime());
    }

    /** The attempt did not hold these seats (another part of the order failed, or it was a replay). */
    public void giveBack(ProgramId program, Collection<SeatId> seats) {
        Map<SeatId, Long> claimed = claims.get(program);
        if (claimed != null) {
            synchronized (claimed) {
                seats.forEach(claimed::remove);
            }
        }
    }

    /** Once the map shows a claimed seat taken, the map speaks for it; a claim never outlives its TTL. */
    private static void forgetSettled(Map<SeatId, Long> claimed, List<SeatView> seats) {
        long now = System.nanoTime();
        claimed.entrySet().removeIf(claim -> now - claim.getValue() > CLAIM_TTL_NANOS);
        seats.stream().filter(seat -> seat.status() != SeatStatus.FREE).forEach(seat -> claimed.remove(seat.seatId()));
    }

    /** Maximal runs of consecutive free, unclaimed seats, row by row in map order. */
    private static List<List<SeatId>> freeRuns(List<SeatView> seats, Map<SeatId, Long> claimed) {
        List<List<SeatId>> runs = new ArrayList<>();
        List<SeatId> run = new ArrayList<>();
        SeatView previous = null;
        for (SeatView seat : seats) {
            boolean free = seat.status() == SeatStatus.FREE && !claimed.containsKey(seat.seatId());
            boolean adjacent = previous != null && previous.row().equals(seat.row()) && previous.number() + 1 == seat.number();
            if (!free || !adjacent) {
                if (!run.isEmpty()) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
            if (free) {
                run.add(seat.seatId());
            }
            previous = seat;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }
}
