package dev.buyonce.app.audit;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.Tokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Double purchases no key can catch (two keys, one intent) are listed for support; key retries are not. */
class DuplicateSuspectsTest {
    static final String ADMIN = Tokens.admin("support");

    @Test
    void listsAPairMadeWithTwoKeysAndNotAPairMadeWithOne() {
        BuyOnceNode node = BuyOnceNode.shared();
        String twoKeys = newUser("twice");
        String oneKey = newUser("retried");
        String first = node.api().placeOrder(Tokens.user(twoKeys), "k1", order(COFFEE, 2)).json().path("orderId").asText();
        String second = node.api().placeOrder(Tokens.user(twoKeys), "k2", order(COFFEE, 2)).json().path("orderId").asText();
        node.api().placeOrder(Tokens.user(twoKeys), "k3", order(COFFEE, 5));
        node.api().placeOrder(Tokens.user(oneKey), "same", order(COFFEE, 2));
        node.api().placeOrder(Tokens.user(oneKey), "same", order(COFFEE, 2));

        List<JsonNode> pairs = Eventually.await("the two-key pair reported",
                () -> suspectsOf(node, twoKeys), list -> !list.isEmpty());

        assertThat(pairs).hasSize(1);
        JsonNode pair = pairs.get(0);
        assertThat(pair.path("productId").asText()).isEqualTo(COFFEE);
        assertThat(pair.path("total").path("amount").asText()).isEqualTo("19.80");
        assertThat(pair.path("orders").findValuesAsText("orderId")).containsExactlyInAnyOrder(first, second);
        assertThat(suspectsOf(node, oneKey)).isEmpty();
        assertThat(node.api().get("/api/admin/duplicate-suspects?since=yesterday", ADMIN).code()).isEqualTo("VALIDATION_FAILED");
    }

    private static List<JsonNode> suspectsOf(BuyOnceNode node, String user) {
        List<JsonNode> found = new ArrayList<>();
        node.api().get("/api/admin/duplicate-suspects", ADMIN).json().forEach(s -> {
            if (user.equals(s.path("userId").asText())) {
                found.add(s);
            }
        });
        return found;
    }
}
