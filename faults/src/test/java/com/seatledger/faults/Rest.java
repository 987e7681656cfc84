package com.seatledger.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

import com.seatledger.harness.Stack;
import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;

/** Plain HTTP against a running api-app, the way any client would call it. */
record Rest(String base) {

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(path, token, b -> b.GET());
    }

    Answer post(String path, String token, String key, String json) throws IOException, InterruptedException {
        return send(path, token, b -> {
            b.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json");
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
        });
    }

    Answer delete(String path, String token, String key) throws IOException, InterruptedException {
        return send(path, token, b -> {
            b.DELETE();
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
        });
    }

    /** Any request; {@code token} may be null (no Authorization header). Never waits more than 20 s. */
    Answer send(String path, String token, Consumer<HttpRequest.Builder> shape) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        shape.accept(b);
        HttpRequest request = b.build();
        HttpResponse<String> r;
        try {
            r = Stack.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the keep-alive race: the server closed a pooled connection (e.g. after answering a malformed
            // request with Connection: close) just as the client reused it, and the client does not resend a
            // POST by itself. Once more on a fresh connection: a server that drops this request every time
            // still fails the test
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            r = Stack.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return new Answer(r.statusCode(), r.body(), r);
    }
}
