package dev.mamori.access.web;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes {@link CheckEndpoint}'s two operations in the OpenAPI document: springdoc reads annotated
 * controllers only, and the check is served by a plain request handler.
 */
@Component
class CheckApiDocumentation implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        ModelConverters converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        for (Class<?> type : new Class<?>[] {CheckEndpoint.CheckRequest.class, CheckEndpoint.CheckResponse.class,
                CheckEndpoint.BatchRequest.class, CheckEndpoint.BatchResponse.class}) {
            for (Map.Entry<String, Schema> schema : converters.readAll(type).entrySet()) {
                openApi.getComponents().addSchemas(schema.getKey(), schema.getValue());
            }
        }
        openApi.path(CheckEndpoint.PATH, new PathItem().post(operation("checkAccess",
                "Decide one action of a subject (person id or 社員番号) on an entry or a vault document, "
                        + "with obligations and the reason in Japanese and English",
                "CheckRequest", "CheckResponse")));
        openApi.path(CheckEndpoint.BATCH_PATH, new PathItem().post(operation("checkAccessBatch",
                "Decide many checks at once (at most " + CheckEndpoint.MAX_BATCH + "), answers in request order",
                "BatchRequest", "BatchResponse")));
    }

    private static Operation operation(String id, String summary, String request, String response) {
        ApiResponses responses = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("The decision. Someone asking about "
                                + "themselves learns of an entry no more than the register shows them: about one of a "
                                + "concealed level they do not know of, the answer about an unknown entry; about one of "
                                + "another level outside their scope, access.check.entryOutOfScope without levelCode")
                        .content(json("application/json", response)))
                .addApiResponse("400", problem("Incomplete or malformed question"))
                .addApiResponse("401", problem("No valid API token"))
                .addApiResponse("403", problem("Asking about someone else without IT_SECURITY or SYSTEM_ADMIN "
                        + "(also for an unknown employee number, so a refusal does not tell which exist)"))
                .addApiResponse("404", problem("Unknown subject or document (IT_SECURITY, SYSTEM_ADMIN, or one's own "
                        + "person asking about an unknown document — or one filed under an entry of a concealed "
                        + "level they do not know of)"));
        return new Operation().operationId(id).summary(summary).addTagsItem("access")
                .requestBody(new RequestBody().required(true).content(json("application/json", request)))
                .responses(responses);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>().type("object"))));
    }

    private static Content json(String mediaType, String schema) {
        return new Content().addMediaType(mediaType,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }
}
