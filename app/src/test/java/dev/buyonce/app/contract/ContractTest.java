package dev.buyonce.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/API.md, the OpenAPI description and the controllers stay in step: every {@code ### METHOD /path} heading
 * of the contract is an operation of {@code /v3/api-docs} with exactly the problem codes its {@code Problems:}
 * line lists, and every controller mapping the running service serves is a heading of the contract.
 */
class ContractTest {
    private static final Pattern HEADING = Pattern.compile("^### (GET|POST|PUT|PATCH|DELETE) (/\\S*)\\s*$");
    private static final Pattern CODE = Pattern.compile("`([A-Z_]+)`");

    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    @Test
    void everyEndpointOfTheContractIsInTheOpenApiWithTheProblemCodesItLists() throws IOException {
        Map<String, Set<String>> contract = contract();
        Map<String, Set<String>> described = openApi();

        Set<String> missing = new TreeSet<>(contract.keySet());
        missing.removeAll(described.keySet());

        Map<String, String> differing = new TreeMap<>();
        contract.forEach((endpoint, codes) -> {
            Set<String> served = described.get(endpoint);
            if (served != null && !served.equals(codes)) {
                differing.put(endpoint, "docs " + codes + " vs OpenAPI " + served);
            }
        });
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missing).as("endpoints in docs/API.md that /v3/api-docs does not describe").isEmpty();
            softly.assertThat(differing).as("problem codes that docs/API.md and /v3/api-docs list differently").isEmpty();
        });
    }

    @Test
    void everyControllerMappingTheServiceServesIsInTheContract() throws IOException {
        Set<String> served = new TreeSet<>(controllerMappings());
        served.removeAll(contract().keySet());
        assertThat(served).as("controller mappings with no heading in docs/API.md").isEmpty();
    }

    @Test
    void creatingOperationsDescribeTheir201AndTheReplay200() {
        com.fasterxml.jackson.databind.JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        for (String[] op : new String[][] {{"/api/orders", "post"}, {"/api/orders/{orderId}/payments", "post"},
                {"/api/coupons/{couponId}/claims", "post"}, {"/api/admin/coupons", "post"}}) {
            com.fasterxml.jackson.databind.JsonNode responses = paths.path(op[0]).path(op[1]).path("responses");
            assertThat(responses.has("201")).as(op[1] + " " + op[0] + " answers 201: " + responses).isTrue();
            assertThat(responses.has("200")).as(op[1] + " " + op[0] + " answers 200 to a replay").isTrue();
        }
    }

    @Test
    void theOpenApiAndSwaggerUiNeedNoToken() {
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        assertThat(api.get("/swagger-ui.html", null).status()).isEqualTo(302);
    }

    /** {@code "METHOD /path"} of every heading, with the codes of the {@code Problems:} line under it. */
    static Map<String, Set<String>> contract() throws IOException {
        Map<String, Set<String>> endpoints = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(contractFile())) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                current = heading.group(1) + " " + heading.group(2);
                assertThat(endpoints).as("docs/API.md has two headings " + current).doesNotContainKey(current);
                endpoints.put(current, null);
            } else if (current != null && line.startsWith("Problems:")) {
                Set<String> codes = new TreeSet<>();
                Matcher code = CODE.matcher(line);
                while (code.find()) {
                    codes.add(code.group(1));
                }
                endpoints.put(current, codes);
            } else if (line.startsWith("#")) {
                current = null;
            }
        }
        endpoints.forEach((endpoint, codes) ->
                assertThat(codes).as("the Problems: line under " + endpoint + " in docs/API.md").isNotNull());
        assertThat(endpoints).as("endpoint headings in docs/API.md").hasSizeGreaterThan(20);
        return endpoints;
    }

    private static Path contractFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/API.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/API.md not found above " + Path.of("").toAbsolutePath());
    }

    /** {@code "METHOD /path"} of every operation in /v3/api-docs, with its {@code x-problem-codes}. */
    private static Map<String, Set<String>> openApi() {
        Api.Response answer = api.get("/v3/api-docs", null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        Map<String, Set<String>> operations = new TreeMap<>();
        answer.json().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            Set<String> codes = new TreeSet<>();
            op.getValue().path("x-problem-codes").forEach(code -> codes.add(code.asText()));
            operations.put(op.getKey().toUpperCase() + " " + path.getKey(), codes);
        }));
        return operations;
    }

    /**
     * What Spring MVC dispatches to the service's controllers: not springdoc's own, not the error page, and not
     * the controllers that only tests define (compiled to test-classes, such as TestOnlyDefects).
     */
    private static List<String> controllerMappings() {
        RequestMappingHandlerMapping mapping = node.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            Class<?> controller = entry.getValue().getBeanType();
            if (controller.getName().startsWith("org.springdoc.") || definedByTests(controller)) {
                continue;
            }
            Set<String> paths = entry.getKey().getPatternValues();
            if (paths.equals(Set.of("/error"))) {
                continue;
            }
            Set<String> methods = new TreeSet<>();
            entry.getKey().getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            for (String path : paths) {
                methods.forEach(method -> endpoints.add(method + " " + path));
            }
        }
        assertThat(endpoints).as("controller mappings").hasSizeGreaterThan(20);
        return endpoints;
    }

    private static boolean definedByTests(Class<?> type) {
        return type.getProtectionDomain().getCodeSource() != null
                && type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("/test-classes/");
    }
}
