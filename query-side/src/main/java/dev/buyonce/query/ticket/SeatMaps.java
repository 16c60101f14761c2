package dev.buyonce.query.ticket;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Assembled seat maps in memory, one per program. Under load every reader shares the one copy: it is
 * invalidated when the projection commits a change and, for changes made on other nodes, expires after a
 * short TTL. A map is therefore at most that TTL stale, which a map may be; orders never rely on it.
 */
@Component
class SeatMaps {
    private final ProgramCatalog programs;
    private final SeatViewRepository seats;
    private final LoadingCache<ProgramId, Optional<SeatMapView>> maps;

    SeatMaps(ProgramCatalog programs, SeatViewRepository seats,
             @Value("${buyonce.seats.map-ttl:PT1S}") Duration ttl) {
        this.programs = programs;
        this.seats = seats;
        this.maps = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build(this::load);
    }

    @QueryHandler
    SeatMapView handle(FindSeatMapQuery query) {
        return find(query.programId()).orElse(null);
    }

    Optional<SeatMapView> find(ProgramId programId) {
        return programs.find(programId).isEmpty() ? Optional.empty() : maps.get(programId);
    }

    void invalidate(ProgramId programId) {
        maps.invalidate(programId);
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
