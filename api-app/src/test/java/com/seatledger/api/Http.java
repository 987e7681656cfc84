package com.seatledger.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.seatledger.api.config.DevTokens;
import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;

/** A small JSON-over-HTTP client for the integration tests. */
record Http(String base) {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, java.net.http.HttpHeaders headers, String raw) {
        JsonNode json() {
            return raw.isEmpty() ? null : Json.MAPPER.readTree(raw);
        }

        String code() {
            return json().path("code").asString();
        }

        String contentType() {
            return headers.firstValue("content-type").orElse("");
        }
    }

    static String token(String actor, String... roles) {
        return DevTokens.mint(ApiStack.SECRET, actor, List.of(roles), Duration.ofHours(1));
    }

    static String admin() {
        return token("boxoffice", "admin");
    }

    Response get(String path, String token) {
        return send(builder(path, token).GET(), null);
    }

    Response post(String path, String token, Object body) {
        return post(path, token, body, null);
    }

    Response post(String path, String token, Object body, String idempotencyKey) {
        String json = body == null ? "" : body instanceof String s ? s : Json.MAPPER.writeValueAsString(body);
        HttpRequest.Builder b = builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(b, idempotencyKey);
    }

    Response delete(String path, String token) {
        return delete(path, token, null);
    }

    Response delete(String path, String token, String idempotencyKey) {
        return send(builder(path, token).DELETE(), idempotencyKey);
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static Response send(HttpRequest.Builder b, String idempotencyKey) {
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r;
            try {
                r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the keep-alive race: Jetty answered an earlier request before reading its body (a 401
                // from the security filters) and closed the connection just as the client reused it from
                // its pool; the client never resends a POST by itself. Once more on a fresh connection:
                // a server that drops this request every time still fails the test
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                    throw e;
                }
                r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
