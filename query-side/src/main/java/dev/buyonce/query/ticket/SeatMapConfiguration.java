package dev.buyonce.query.ticket;

import dev.buyonce.kernel.ticket.ProgramEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SeatMapConfiguration {

    /**
     * The seat map's events in sequence per program: a program's definition (which creates its rows) comes
     * before any change of its seats, while different programs are projected in parallel.
     */
    @Bean
    SequencingPolicy<EventMessage<?>> seatMapSequencing() {
        return event -> event.getPayload() instanceof ProgramEvent programEvent
                ? programEvent.programId().value()
                : event.getIdentifier();
    }
}
