package dev.buyonce.query.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SeatViewRepository extends JpaRepository<SeatEntity, SeatEntity.Key> {

    List<SeatEntity> findByProgramIdOrderByPosition(String programId);

    boolean existsByProgramId(String programId);
}
