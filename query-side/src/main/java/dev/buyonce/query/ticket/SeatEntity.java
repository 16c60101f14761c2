package dev.buyonce.query.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "seat_view")
@IdClass(SeatEntity.Key.class)
class SeatEntity {
    @Id
    @Column(name = "program_id")
    String programId;
    @Id
    @Column(name = "seat_id")
    String seatId;
    @Column(name = "category_id")
    String categoryId;
    @Column(name = "row_label")
    String row;
    @Column(name = "seat_number")
    int number;
    int position;
    String status;
    @Column(name = "order_id")
    UUID orderId;
    @Column(name = "last_sequence")
    long lastSequence;

    record Key(String programId, String seatId) implements Serializable {
    }

    protected SeatEntity() {
    }

    SeatEntity(String programId, String seatId, String categoryId, String row, int number, int position) {
        this.programId = programId;
        this.seatId = seatId;
        this.categoryId = categoryId;
        this.row = row;
        this.number = number;
        this.position = position;
        this.status = "FREE";
        this.lastSequence = -1;
    }

    /** Applies the change of the seat's event with this sequence number, unless it was applied already. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }
}
