package dev.buyonce.command.entitlement;

import java.util.List;

/** {@code rejected} lists at most {@link PurchaseImportBatches#MAX_LISTED_REJECTIONS} lines; {@code rejectedTotal} counts all. */
record PurchaseImportReport(long imported, long skipped, List<Rejection> rejected, long rejectedTotal) {

    record Rejection(long line, String reason) {
    }
}
