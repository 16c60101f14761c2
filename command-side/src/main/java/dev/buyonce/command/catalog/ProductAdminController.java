package dev.buyonce.command.catalog;

import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.catalog.DefineProduct;
import dev.buyonce.kernel.catalog.ProductDefinition;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.catalog.ProductView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductAdminController {
    private final CommandGateway commands;
    private final ConflictRetry retry;

    ProductAdminController(CommandGateway commands, ConflictRetry retry) {
        this.commands = commands;
        this.retry = retry;
    }

    record DefineProductRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull ProductKind kind,
            @NotNull @Valid MoneyRequest price) {
    }

    @PostMapping("/api/admin/products")
    ResponseEntity<ProductView> define(@Valid @RequestBody DefineProductRequest request) {
        Money price = request.price().toMoney("price");
        DefineProduct command = new DefineProduct(new ProductId(request.id()), request.name().strip(), request.kind(), price);
        // two first definitions of one id racing: the loser retries, finds the winner's and compares bodies
        ProductDefinition outcome = retry.send(() -> commands.sendAndWait(command));
        HttpStatus status = outcome == ProductDefinition.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .body(new ProductView(command.productId(), command.name(), command.kind(), command.price()));
    }
}
