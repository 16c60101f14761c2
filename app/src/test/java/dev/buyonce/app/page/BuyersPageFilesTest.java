package dev.buyonce.app.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.kernel.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The page's files are public and hold no data; the API behind them still wants a token. */
class BuyersPageFilesTest {
    private static final Path PAGE = Path.of("src", "main", "resources", "static", "page");

    @Test
    void thePageAndItsFilesAreServedWithoutATokenWhileTheApiStillNeedsOne() {
        Api api = BuyOnceNode.shared().api();

        Api.Response page = api.get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<script type=\"module\" src=\"/page/main.js\"></script>");
        for (String file : new String[] {"/page/main.js", "/page/api.js", "/page/intents.js", "/page/problems.js"}) {
            Api.Response module = api.get(file, null);
            assertThat(module.status()).as(file).isEqualTo(200);
            // browsers run a module only when it is served as JavaScript
            assertThat(module.header("Content-Type")).as(file).contains("javascript");
        }
        assertThat(api.get("/page/page.css", null).status()).isEqualTo(200);
        assertThat(api.get("/favicon.svg", null).status()).isEqualTo(200);

        Api.Response missing = api.get("/page/no-such-file.js", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/products", null).code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/orders", null).code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void everyProblemCodeHasASentenceOnThePage() throws IOException {
        String sentences = Files.readString(PAGE.resolve("problems.js"));

        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name).filter(code -> !sentences.contains("  " + code + ":")))
                .as("codes without a sentence in problems.js").isEmpty();
    }
}
