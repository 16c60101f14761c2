package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.ImportPurchase;
import dev.buyonce.kernel.entitlement.ImportPurchases;
import dev.buyonce.kernel.entitlement.ImportedPurchase;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
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
        List<ImportPurchase> commands = purchases.stream().map(p -> new ImportPurchase(p, command.importedAt())).toList();
        Set<EntitlementId> createdHere = new HashSet<>();
        ImportOutcome[] outcomes = new ImportOutcome[purchases.size()];
        // Lock aggregates in id order, so two overlapping imports cannot deadlock each other.
        IntStream.range(0, commands.size()).boxed()
                .sorted(Comparator.comparing(i -> commands.get(i).entitlementId().value()))
                .forEach(i -> {
                    EntitlementId id = commands.get(i).entitlementId();
                    boolean fresh = command.assumeNew() && createdHere.add(id);
                    outcomes[i] = entitlements.importPurchase(commands.get(i), fresh);
                });
        return Arrays.asList(outcomes);
    }
}
