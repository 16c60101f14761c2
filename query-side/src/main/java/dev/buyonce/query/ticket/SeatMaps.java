package dev.buyonce.query.ticket;

import dev.buyonce.query.signal.ChangeListener;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.buyonce.kernel.ticket.CategorySeatsView;
import dev.buyonce.kernel.ticket.FindSeatMapQuery;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ProgramView;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatMapView;
import dev.buyonce.kernel.ticket.SeatStatus;
import dev.buyonce.kernel.ticket.SeatView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import dev.buyonce.query.QuerySettings;
import org.springframework.stereotype.Component;

/**
 * Seat maps assembled from the seat view. What people read ({@link #current}) is read from the view every
 * time, and the view is written in the same transaction as the seat events, so the map shows every answered
 * hold, release and sale on every node. The seat picker's proposals ({@link FindSeatMapQuery}) share one
 * copy per program in memory instead: it is dropped on every node when a change of its seats commits and is
 * announced ({@link dev.buyonce.query.signal.ChangeSignals}), and expires after a short TTL should an
 * announcement be lost. A proposal may be that stale; only the Seat aggregates
 * decide, so a stale proposal costs a retry, never a seat sold twice.
 */
@Component
class SeatMaps implements ChangeListener {
    static final String TOPIC = "seats";
    private final ProgramCatalog programs;
    private final SeatViewRepository seats;
    private final LoadingCache<ProgramId, Optional<SeatMapView>> maps;

    SeatMaps(ProgramCatalog programs, SeatViewRepository seats, QuerySettings settings) {
        Duration ttl = settings.seats().mapTtl();
        this.programs = programs;
        this.seats = seats;
        this.maps = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build(this::load);
    }

    @QueryHandler
    SeatMapView handle(FindSeatMapQuery query) {
        return programs.find(query.programId()).isEmpty() ? null : maps.get(query.programId()).orElse(null);
    }

    /** The map as committed now (read-your-writes on every node); empty for an unknown program. */
    Optional<SeatMapView> current(ProgramId programId) {
        return load(programId);
    }

    void invalidate(ProgramId programId) {
        maps.invalidate(programId);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void changed(String programId) {
        if (ProgramId.isValid(programId)) {
            maps.invalidate(new ProgramId(programId));
        }
    }

    @Override
    public void resync() {
        clear();
    }

    void clear() {
        maps.invalidateAll();
    }

    private Optional<SeatMapView> load(ProgramId programId) {
        Optional<ProgramView> program = programs.find(programId);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<SeatEntity>> byCategory = seats.findByProgramIdOrderByPosition(programId.value()).stream()
                .collect(Collectors.groupingBy(seat -> seat.categoryId));
        List<CategorySeatsView> categories = program.get().categories().stream().map(category -> {
            List<SeatView> views = byCategory.getOrDefault(category.id(), List.of()).stream()
                    .map(seat -> new SeatView(new SeatId(seat.seatId), seat.row, seat.number, SeatStatus.valueOf(seat.status)))
                    .toList();
            return new CategorySeatsView(category.id(), category.price(), count(views, SeatStatus.FREE),
                    count(views, SeatStatus.HELD), count(views, SeatStatus.SOLD), views);
        }).toList();
        return Optional.of(new SeatMapView(programId, categories));
    }

    private static long count(List<SeatView> seats, SeatStatus status) {
        return seats.stream().filter(seat -> seat.status() == status).count();
    }
}
