package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.ImportPurchases;
import dev.buyonce.kernel.entitlement.ImportedPurchase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects valid lines into batches, sends each as one command, and tallies the outcome. */
class PurchaseImportBatches {
    static final int MAX_LISTED_REJECTIONS = 1000;
    private static final int MAX_LINE_LENGTH = 4096;

    private final PurchaseImportLines.Parser lines;
    private final int batchSize;
    private final Function<ImportPurchases, List<ImportOutcome>> send;
    private final Clock clock;
    private final List<ImportedPurchase> batch = new ArrayList<>();
    private final List<PurchaseImportReport.Rejection> rejected = new ArrayList<>();
    private long lineNumber;
    private long imported;
    private long skipped;
    private long rejectedTotal;

    PurchaseImportBatches(PurchaseImportLines lines, int batchSize, Function<ImportPurchases, List<ImportOutcome>> send,
                          Clock clock) {
        this.lines = lines.parser();
        this.batchSize = batchSize;
        this.send = send;
        this.clock = clock;
    }

    void accept(String text) {
        lineNumber++;
        if (text.isBlank()) {
            return;
        }
        try {
            if (text.length() > MAX_LINE_LENGTH) {
                throw new IllegalArgumentException("line longer than " + MAX_LINE_LENGTH + " characters");
            }
            batch.add(lines.parse(text));
        } catch (IllegalArgumentException e) {
            rejectedTotal++;
            if (rejected.size() < MAX_LISTED_REJECTIONS) {
                rejected.add(new PurchaseImportReport.Rejection(lineNumber, e.getMessage()));
            }
        }
        if (batch.size() == batchSize) {
            flush();
        }
    }

    PurchaseImportReport finish() {
        flush();
        return new PurchaseImportReport(imported, skipped, List.copyOf(rejected), rejectedTotal);
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        for (ImportOutcome outcome : send.apply(new ImportPurchases(batch, clock.instant(), true))) {
            if (outcome == ImportOutcome.IMPORTED) {
                imported++;
            } else {
                skipped++;
            }
        }
        batch.clear();
    }
}
