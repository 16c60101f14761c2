package dev.buyonce.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The query side's settings, {@code buyonce.*}, each default written here once and checked at start-up.
 *
 * @param orders      live order streams
 * @param seats       the seat picker's cached seat maps
 * @param catalog     the in-memory product and program catalogs
 * @param projections view rebuilds
 * @param coupons     the claimable coupons' remaining stock
 */
@ConfigurationProperties("buyonce")
public record QuerySettings(@DefaultValue Orders orders, @DefaultValue Seats seats, @DefaultValue Catalog catalog,
                            @DefaultValue Projections projections, @DefaultValue Coupons coupons) {

    /**
     * @param eventsTimeout   an SSE stream of one order is closed after this long (the client reconnects)
     * @param eventsHeartbeat a comment line is written this often, which finds clients that went away
     */
    public record Orders(@DefaultValue("PT30M") Duration eventsTimeout, @DefaultValue("PT15S") Duration eventsHeartbeat) {
        public Orders {
            positive(eventsTimeout, "orders.events-timeout");
            positive(eventsHeartbeat, "orders.events-heartbeat");
        }
    }

    /** @param mapTtl a cached seat map is read again after this long, should a change announcement be lost */
    public record Seats(@DefaultValue("PT1S") Duration mapTtl) {
        public Seats {
            positive(mapTtl, "seats.map-ttl");
        }
    }

    /** @param refresh every node re-reads the whole catalog this often, should a change announcement be lost */
    public record Catalog(@DefaultValue("PT5S") Duration refresh) {
        public Catalog {
            positive(refresh, "catalog.refresh");
        }
    }

    /** @param replayBatchSize events per transaction when a view is rebuilt */
    public record Projections(@DefaultValue("500") int replayBatchSize) {
        public Projections {
            if (replayBatchSize < 1 || replayBatchSize > 100_000) {
                throw new IllegalArgumentException("buyonce.projections.replay-batch-size must be 1..100000");
            }
        }
    }

    /** @param stockRefresh the coupons claimed from (on any node) are counted again this often */
    public record Coupons(@DefaultValue("PT0.2S") Duration stockRefresh) {
        public Coupons {
            positive(stockRefresh, "coupons.stock-refresh");
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("buyonce." + name + " must be positive");
        }
    }
}
