package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.ImportPurchases;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams an NDJSON purchase history from a legacy system into entitlements, in batches of one unit of
 * work each. Streaming keeps memory flat however long the file is, which is why this endpoint is exempt
 * from the body size limit.
 */
@RestController
class PurchaseImportController {
    static final int BATCH = 500;
    private final PurchaseImportLines lines;
    private final CommandGateway commands;
    private final ConflictRetry retry;
    private final Clock clock;

    PurchaseImportController(PurchaseImportLines lines, CommandGateway commands, ConflictRetry retry, Clock clock) {
        this.lines = lines;
        this.commands = commands;
        this.retry = retry;
        this.clock = clock;
    }

    /** Optimistically as all-new entitlements; if one existed, again reading each entitlement's history. */
    private List<ImportOutcome> record(ImportPurchases batch) {
        try {
            return commands.sendAndWait(batch);
        } catch (AggregateStreamCreationException | ConcurrencyException someExisted) {
            ImportPurchases careful = new ImportPurchases(batch.purchases(), batch.importedAt(), false);
            return retry.send(() -> commands.<List<ImportOutcome>>sendAndWait(careful));
        }
    }

    @PostMapping("/api/admin/imports/purchases")
    PurchaseImportReport importPurchases(HttpServletRequest request) throws IOException {
        PurchaseImportBatches batches = new PurchaseImportBatches(lines, BATCH, this::record, clock);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                batches.accept(line);
            }
        } catch (IOException e) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "could not read the import body: " + e.getMessage());
        }
        return batches.finish();
    }
}
