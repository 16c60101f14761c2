package dev.buyonce.query;

/** Something held in memory on every node that re-reads its source every {@code buyonce.catalog.refresh}. */
public interface PeriodicRefresh {

    void refresh();
}
