package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.ImportPurchase;
import dev.buyonce.kernel.entitlement.ImportPurchases;
import dev.buyonce.kernel.entitlement.ImportedPurchase;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/** Records a batch of legacy purchases in one unit of work. */
@Component
class PurchaseImportHandler {
    private final Entitlements entitlements;

    PurchaseImportHandler(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    /** @return one outcome per purchase, in the order given */
    @CommandHandler
    List<ImportOutcome> handle(ImportPurchases command) {
        List<ImportedPurchase> purchases = command.purchases();
        ImportOutcome[] outcomes = new ImportOutcome[purchases.size()];
        // Lock aggregates in id order, so two overlapping imports cannot deadlock each other.
        IntStream.range(0, purchases.size()).boxed()
                .sorted(Comparator.comparing(i -> EntitlementId.of(purchases.get(i).userId(), purchases.get(i).productId()).value()))
                .forEach(i -> outcomes[i] = entitlements.importPurchase(new ImportPurchase(purchases.get(i), command.importedAt())));
        return Arrays.asList(outcomes);
    }
}
