package dev.buyonce.app.openapi;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.UserId;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui/index.html}): springdoc
 * reads the controllers; this adds the bearer scheme, marks who may call each operation, and lists each
 * operation's problem codes ({@link ProblemCodes}) as {@code application/problem+json} answers per status and
 * as {@code x-problem-codes}.
 */
@Configuration
class OpenApiConfiguration {
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_CODES = "x-problem-codes";

    static {
        // the caller comes from the bearer token (CallerArgumentResolver), never from a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(UserId.class);
    }

    @Bean
    OpenAPI buyOnceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("BuyOnce HTTP API").version("v1")
                        .description("The public contract is docs/API.md; this description is generated from the service."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer problemCodesPerOperation() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                ProblemCodes.of(method.name(), path).ifPresent(known -> {
                    describe(operation, known);
                    if (known.creates()) {
                        describeCreation(operation);
                    }
                })));
    }

    /** Springdoc sees one success answer (200); such an operation answers 201 the first time. */
    private static void describeCreation(Operation operation) {
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok == null) {
            return;
        }
        operation.getResponses().addApiResponse("201", new ApiResponse().description("Created").content(ok.getContent()));
        ok.setDescription("The same request again: what the first one created (Idempotent-Replayed: true where a key was sent)");
    }

    private static void describe(Operation operation, ProblemCodes.Operation known) {
        switch (known.access()) {
            case USER, ADMIN -> operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            case PUBLIC, SIGNED -> operation.setSecurity(List.of());
        }
        if (known.access() == ProblemCodes.Access.ADMIN) {
            operation.setDescription(join("Needs a token with the admin role.", operation.getDescription()));
        }
        List<String> codes = known.codes().stream().map(ErrorCode::name).toList();
        operation.addExtension(PROBLEM_CODES, codes);
        if (known.codes().contains(ErrorCode.IDEMPOTENCY_KEY_MISSING) && operation.getParameters() != null) {
            // optional in the handler only so that its absence is answered as IDEMPOTENCY_KEY_MISSING
            operation.getParameters().stream().filter(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.required(true).description("1-255 visible ASCII; made once per intent, reused on every retry"));
        }
        Map<Integer, List<ErrorCode>> byStatus = known.codes().stream()
                .collect(Collectors.groupingBy(ErrorCode::status, TreeMap::new, Collectors.toList()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        byStatus.forEach((status, group) -> responses.addApiResponse(String.valueOf(status), problemResponse(group)));
        operation.setResponses(responses);
    }

    private static ApiResponse problemResponse(List<ErrorCode> codes) {
        List<String> names = codes.stream().map(ErrorCode::name).toList();
        Schema<?> schema = new Schema<>().allOf(List.of(new Schema<>().$ref("#/components/schemas/" + PROBLEM),
                new ObjectSchema().addProperty("code", new StringSchema()._enum(names))));
        return new ApiResponse().description(String.join(", ", names))
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(schema)));
    }

    /** RFC 9457 with BuyOnce's stable {@code code}; rule violations add fields of their own. */
    private static Schema<?> problemSchema() {
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("stable; see docs/API.md"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
        problem.setRequired(List.of("status", "title", "code"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    private static String join(String first, String second) {
        return second == null || second.isBlank() ? first : first + " " + second;
    }
}
