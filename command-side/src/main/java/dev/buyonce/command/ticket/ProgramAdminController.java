package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.command.catalog.MoneyRequest;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.ticket.DefineProgram;
import dev.buyonce.kernel.ticket.ProgramDefinition;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ProgramView;
import dev.buyonce.kernel.ticket.SeatRow;
import dev.buyonce.kernel.ticket.TicketCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgramAdminController {
    private final CommandGateway commands;
    private final ConflictRetry retry;

    ProgramAdminController(CommandGateway commands, ConflictRetry retry) {
        this.commands = commands;
        this.retry = retry;
    }

    record DefineProgramRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull Instant startsAt,
            @NotNull @Min(1) @Max(100) Integer maxTicketsPerOrder,
            @NotNull @Min(1) @Max(1000) Integer maxTicketsPerUser,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Category> categories) {
    }

    record Category(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,30}") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid MoneyRequest price,
            @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Row> rows) {
    }

    record Row(@NotNull @Pattern(regexp = "[A-Za-z0-9]{1,8}") String row, @NotNull @Min(1) @Max(1000) Integer seats) {
    }

    @PostMapping("/api/admin/programs")
    ResponseEntity<ProgramView> define(@Valid @RequestBody DefineProgramRequest request) {
        DefineProgram command = new DefineProgram(new ProgramId(request.id()), request.name().strip(),
                request.startsAt(), request.maxTicketsPerOrder(), request.maxTicketsPerUser(), categories(request));
        // two first definitions of one id racing: the loser retries, finds the winner's and compares bodies
        ProgramDefinition outcome = retry.send(() -> commands.sendAndWait(command));
        return ResponseEntity.status(outcome == ProgramDefinition.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ProgramView(command.programId(), command.name(), command.startsAt(),
                        command.maxTicketsPerOrder(), command.maxTicketsPerUser(), command.categories()));
    }

    /** Category ids and row labels are unique within the program, and one currency prices all of it. */
    private static List<TicketCategory> categories(DefineProgramRequest request) {
        Set<String> categoryIds = new HashSet<>();
        Set<String> rows = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        List<TicketCategory> categories = request.categories().stream().map(category -> {
            if (!categoryIds.add(category.id())) {
                throw RuleViolation.invalid("categories", "category " + category.id() + " appears twice");
            }
            category.rows().forEach(row -> {
                if (!rows.add(row.row())) {
                    throw RuleViolation.invalid("categories.rows", "row " + row.row() + " appears twice");
                }
            });
            TicketCategory ticketCategory = new TicketCategory(category.id(), category.name().strip(),
                    category.price().toMoney("categories.price"),
                    category.rows().stream().map(row -> new SeatRow(row.row(), row.seats())).toList());
            currencies.add(ticketCategory.price().currency());
            return ticketCategory;
        }).toList();
        if (currencies.size() > 1) {
            throw RuleViolation.invalid("categories.price", "all categories of a program must be priced in one currency");
        }
        return categories;
    }
}
