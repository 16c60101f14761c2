package dev.buyonce.query.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SeatViewRepository extends JpaRepository<SeatEntity, SeatEntity.Key> {

    List<SeatEntity> findByProgramIdOrderByPosition(String programId);

    @Modifying
    @Query("UPDATE SeatEntity s SET s.lastSequence = -1")
    void markAllStale();
}
