package dev.buyonce.query.ticket;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramRepository extends JpaRepository<ProgramEntity, String> {
}
