package dev.buyonce.query.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "program_view")
class ProgramEntity {
    @Id
    @Column(name = "program_id")
    String programId;
    String definition;

    protected ProgramEntity() {
    }

    ProgramEntity(String programId, String definition) {
        this.programId = programId;
        this.definition = definition;
    }
}
