package dev.buyonce.query.ticket;

import dev.buyonce.query.ProjectionRow;
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
class SeatEntity extends ProjectionRow<SeatEntity.Key> {
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

    record Key(String programId, String seatId) implements Serializable {
    }

    protected SeatEntity() {
    }

    SeatEntity(String programId, String seatId, String categoryId, String row, int number, int position) {
        super(true);
        this.programId = programId;
        this.seatId = seatId;
        this.categoryId = categoryId;
        this.row = row;
        this.number = number;
        this.position = position;
        this.status = "FREE";
    }

    /**
     * A row as stored, read by a rebuild's batch ({@link SeatReplayBatch}) with the columns seat events change; the
     * others (category, row, number, position) stay unread and are never written from it.
     */
    SeatEntity(Key key, String status, UUID orderId, long lastSequence) {
        super(lastSequence);
        this.programId = key.programId();
        this.seatId = key.seatId();
        this.status = status;
        this.orderId = orderId;
    }

    @Override
    public Key getId() {
        return new Key(programId, seatId);
    }

}
