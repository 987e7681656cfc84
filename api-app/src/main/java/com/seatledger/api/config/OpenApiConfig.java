package com.seatledger.api.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

/**
 * The OpenAPI description, complete enough to drive the API: title and version, the bearer-JWT
 * scheme (Swagger UI's Authorize), each operation's success status, its problem responses with
 * their codes, the required members of request bodies and an example of each. The controllers declare the routes;
 * what springdoc cannot see (statuses set through ResponseEntity, which codes each route can
 * answer, which members a record needs) is said here, once, in one table.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    /** An operation's success status, and its problems: status to the codes it may carry. */
    record Doc(int success, boolean secured, Map<Integer, String> problems) {
    }

    private static final String UNAVAILABLE = "LEDGER_UNAVAILABLE";

    static final Map<String, Doc> DOCS = new LinkedHashMap<>();

    static {
        doc("POST /api/shows", 201, true, 400, "INVALID_COMMAND", 403, "FORBIDDEN", 409, "SHOW_EXISTS",
                413, "PAYLOAD_TOO_LARGE", 429, "RATE_LIMITED", 503, UNAVAILABLE);
        doc("GET /api/shows", 200, false);
        doc("GET /api/shows/{showId}", 200, false, 404, "SHOW_NOT_FOUND");
        doc("GET /api/shows/{showId}/events", 200, false, 404, "SHOW_NOT_FOUND", 429, "RATE_LIMITED",
                503, "TOO_MANY_STREAMS");
        doc("POST /api/shows/{showId}/holds", 201, true, 400, "INVALID_COMMAND", 403, "NOT_HOLDER",
                404, "SHOW_NOT_FOUND, HOLD_NOT_FOUND", 409, "SEAT_UNAVAILABLE, AREA_FULL, CHANNEL_RESTRICTED, HOLD_NOT_ACTIVE",
                410, "HOLD_EXPIRED", 422, "SEAT_NOT_FOUND, AREA_NOT_FOUND, HOLDER_LIMIT, HOLD_TOO_LONG, ORPHAN_SEAT, "
                        + "NOT_ENOUGH_SEATS", 429, "RATE_LIMITED", 503, UNAVAILABLE);
        doc("GET /api/shows/{showId}/holds", 200, true, 403, "FORBIDDEN", 404, "SHOW_NOT_FOUND");
        doc("GET /api/shows/{showId}/orders", 200, true, 403, "FORBIDDEN", 404, "SHOW_NOT_FOUND");
        doc("GET /api/shows/{showId}/seats/{seatId}", 200, true, 403, "FORBIDDEN",
                404, "SHOW_NOT_FOUND, SEAT_NOT_FOUND");
        doc("POST /api/shows/{showId}/archive", 200, true, 400, "INVALID_COMMAND", 403, "FORBIDDEN",
                404, "SHOW_NOT_FOUND", 429, "RATE_LIMITED", 503, UNAVAILABLE);
        String boxOffice = "SEAT_UNAVAILABLE, AREA_FULL";
        for (String path : List.of("sales", "blocks", "unblocks")) {
            doc("POST /api/shows/{showId}/" + path, 200, true, 400, "INVALID_COMMAND", 403, "FORBIDDEN",
                    404, "SHOW_NOT_FOUND", 409, boxOffice, 422, "SEAT_NOT_FOUND, AREA_NOT_FOUND", 429, "RATE_LIMITED",
                    503, UNAVAILABLE);
        }
        doc("POST /api/shows/{showId}/channels/{channelId}/seats", 200, true, 400, "INVALID_COMMAND",
                403, "FORBIDDEN", 404, "SHOW_NOT_FOUND", 409, boxOffice, 422, "SEAT_NOT_FOUND, AREA_NOT_FOUND",
                429, "RATE_LIMITED", 503, UNAVAILABLE);
        doc("GET /api/shows/{showId}/channels", 200, true, 403, "FORBIDDEN", 404, "SHOW_NOT_FOUND");
        doc("POST /api/shows/{showId}/orders/{orderId}/cancel", 200, true, 400, "INVALID_COMMAND",
                403, "FORBIDDEN", 404, "SHOW_NOT_FOUND, ORDER_NOT_FOUND", 429, "RATE_LIMITED", 503, UNAVAILABLE);
        doc("GET /api/holds/{holdId}", 200, true, 403, "NOT_HOLDER", 404, "HOLD_NOT_FOUND");
        doc("POST /api/holds/{holdId}/extend", 200, true, 400, "INVALID_COMMAND", 403, "NOT_HOLDER",
                404, "HOLD_NOT_FOUND", 409, "HOLD_NOT_ACTIVE", 410, "HOLD_EXPIRED", 429, "RATE_LIMITED",
                503, UNAVAILABLE);
        doc("DELETE /api/holds/{holdId}", 204, true, 400, "INVALID_COMMAND", 403, "NOT_HOLDER",
                404, "HOLD_NOT_FOUND", 409, "HOLD_NOT_ACTIVE", 410, "HOLD_EXPIRED", 429, "RATE_LIMITED", 503, UNAVAILABLE);
        doc("POST /api/holds/{holdId}/confirm", 200, true, 400, "INVALID_COMMAND", 403, "NOT_HOLDER",
                404, "HOLD_NOT_FOUND", 409, "HOLD_NOT_ACTIVE", 410, "HOLD_EXPIRED", 429, "RATE_LIMITED", 503, UNAVAILABLE);
        doc("GET /api/holds/{holdId}/events", 200, true, 403, "NOT_HOLDER", 404, "HOLD_NOT_FOUND",
                429, "RATE_LIMITED", 503, "TOO_MANY_STREAMS");
    }

    private static void doc(String operation, int success, boolean secured, Object... problems) {
        Map<Integer, String> byStatus = new LinkedHashMap<>();
        for (int i = 0; i < problems.length; i += 2) {
            byStatus.put((Integer) problems[i], (String) problems[i + 1]);
        }
        if (secured) {
            byStatus.putIfAbsent(401, "UNAUTHORIZED");
        }
        if (operation.startsWith("POST ")) {
            byStatus.putIfAbsent(413, "PAYLOAD_TOO_LARGE");
        }
        DOCS.put(operation, new Doc(success, secured, byStatus));
    }

    /** Members a request body must have (its record cannot say so: some are shared with the topics jar). */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "CreateShow", List.of("showId", "name"),
            "SeatDef", List.of("seatId", "section", "row", "number", "category"),
            "AreaDef", List.of("areaId", "name", "category", "capacity"),
            "AreaQuantity", List.of("areaId", "quantity"),
            "BestAvailable", List.of("category", "quantity"),
            "Confirm", List.of("orderId"),
            "Sale", List.of("orderId"));

    /** An example of each request body, as a client would send it. */
    static final Map<String, Object> EXAMPLES = Map.of(
            "Hold", Map.of("seatIds", List.of("ST-A-20", "ST-A-21")),
            "CreateShow", Map.of("showId", "tour-1", "name", "Stadium Tour", "startsAt", "2026-12-31T20:00:00Z",
                    "policy", Map.of("holdTtlSeconds", 120, "maxSeatsPerHolder", 6),
                    "seats", List.of(Map.of("seatId", "A-1", "section", "FLOOR", "row", "A", "number", 1,
                            "category", "GOLD")),
                    "areas", List.of(Map.of("areaId", "PIT", "name", "Standing pit", "category", "GA",
                            "capacity", 500))),
            "Extend", Map.of("ttlSeconds", 300),
            "Confirm", Map.of("orderId", "order-1"),
            "Sale", Map.of("seatIds", List.of("A-3"), "orderId", "box-1"),
            "Block", Map.of("seatIds", List.of("A-3"), "reason", "camera position"),
            "Unblock", Map.of("seatIds", List.of("A-3")),
            "Archive", Map.of("reason", "the tour is over"),
            "Assign", Map.of("name", "Fan club presale", "seatIds", List.of("A-1", "A-2")));

    @Bean
    OpenAPI seatLedgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Seat Ledger API").version(com.seatledger.topics.asyncapi.AsyncApi.version())
                        .description("Seat inventory for ticketing: seat maps, holds with expiry, sales and the box "
                                + "office, decided by the ledger over Kafka. Errors are RFC 9457 problem bodies "
                                + "with a code. Commands take an Idempotency-Key header: a retry with the same key "
                                + "gets the same answer."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("sub is the actor; the roles claim may hold admin"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> seatError = new ObjectSchema().addProperty("seatId", new StringSchema())
                .addProperty("reason", new StringSchema());
        Schema<?> areaError = new ObjectSchema().addProperty("areaId", new StringSchema())
                .addProperty("reason", new StringSchema()).addProperty("requested", new IntegerSchema())
                .addProperty("available", new IntegerSchema());
        return new ObjectSchema().description("RFC 9457 problem details with the API's code")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema()).addProperty("code", new StringSchema())
                .addProperty("seatErrors", new ArraySchema().items(seatError))
                .addProperty("areaErrors", new ArraySchema().items(areaError))
                .required(List.of("status", "code", "detail"));
    }

    @Bean
    OpenApiCustomizer seatLedgerOperations() {
        return api -> {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                Doc doc = DOCS.get(method + " " + path);
                if (doc != null) {
                    describe(op, doc);
                }
            }));
            // the problem body every error response refers to: added here, after springdoc has made the
            // components from the code, so that it is always there
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.setServers(List.of(new io.swagger.v3.oas.models.servers.Server().url("/")
                    .description("the api-app that serves this document")));
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                REQUIRED.forEach((name, members) -> {
                    Schema<?> s = api.getComponents().getSchemas().get(name);
                    if (s != null) {
                        s.setRequired(members);
                    }
                });
                Schema<?> hold = api.getComponents().getSchemas().get("Hold");
                if (hold != null) {
                    hold.setDescription("Either seatIds (named seats) or bestAvailable, not both; or neither, with "
                            + "areas only. An empty list counts as not given.");
                }
                EXAMPLES.forEach((name, example) -> {
                    Schema<?> s = api.getComponents().getSchemas().get(name);
                    if (s != null) {
                        s.setExample(example);
                    }
                });
            }
        };
    }

    private static void describe(Operation op, Doc doc) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        ApiResponse ok = responses.remove("200");
        if (ok == null) {
            ok = new ApiResponse();
        }
        if (doc.success() == 204) {
            ok = new ApiResponse().description("done; no body");
        } else if (ok.getDescription() == null || ok.getDescription().isBlank() || "OK".equals(ok.getDescription())) {
            ok.description(doc.success() == 201 ? "created" : "OK");
        }
        responses.put(Integer.toString(doc.success()), ok);
        doc.problems().forEach((status, codes) -> responses.put(Integer.toString(status), new ApiResponse()
                .description("code " + codes.replace(", ", " or "))
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        op.setResponses(responses);
        if (doc.secured()) {
            op.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
    }
}
