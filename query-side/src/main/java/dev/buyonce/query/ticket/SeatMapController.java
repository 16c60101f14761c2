package dev.buyonce.query.ticket;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatMapView;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SeatMapController {
    private final SeatMaps maps;

    SeatMapController(SeatMaps maps) {
        this.maps = maps;
    }

    @GetMapping("/api/programs/{programId}/seats")
    SeatMapView seats(@PathVariable String programId) {
        return Optional.of(programId).filter(ProgramId::isValid).map(ProgramId::new).flatMap(maps::current)
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND, "program " + programId + " not found"));
    }
}
