package com.seatledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.seatledger.api.view.StatusReader;
import com.seatledger.api.view.Views;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;

/**
 * The api-app against a real broker and the real ledger topology: every endpoint's success and
 * error paths, idempotent retries, SSE streams, two api instances and a restart from snapshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIT {

    static ApiStack stack;
    static Http a;
    static Http b;
    static ApiStack.Api apiA;
    static final AtomicInteger shows = new AtomicInteger();

    final String admin = Http.admin();
    final String alice = Http.token("alice");
    final String bob = Http.token("bob");

    @BeforeAll
    static void start() throws Exception {
        stack = new ApiStack();
        // a bound this test JVM's first (cold) instance always answers all the warm-up's requests within
        apiA = stack.startApi("--seatledger.warm-up.within=30s");
        a = apiA.http();
        b = stack.startApi("--seatledger.rate-limit.per-second=0.2", "--seatledger.rate-limit.burst=4").http();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static List<Map<String, Object>> rows(String category, String rowNames, int perRow) {
        List<Map<String, Object>> seats = new ArrayList<>();
        for (char r : rowNames.toCharArray()) {
            for (int n = 1; n <= perRow; n++) {
                seats.add(Map.of("seatId", r + "-" + n, "section", "MAIN", "row", String.valueOf(r), "number", n,
                        "category", category));
            }
        }
        return seats;
    }

    /** Creates a fresh show through api A and returns its id. */
    String newShow(List<Map<String, Object>> seats, Map<String, Object> policy) {
        String id = "show-" + shows.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("showId", id, "name", "Show " + id, "seats", seats));
        if (policy != null) {
            body.put("policy", policy);
        }
        Http.Response r = a.post("/api/shows", admin, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return id;
    }

    String newShow() {
        return newShow(rows("STALLS", "ABC", 10), null);
    }

    static Map<String, Object> seats(String... ids) {
        return Map.of("seatIds", List.of(ids));
    }

    static String statusOf(Http api, String showId, String seatId) {
        for (JsonNode s : api.get("/api/shows/" + showId, null).json().path("seats")) {
            if (s.path("seatId").asString().equals(seatId)) {
                return s.path("status").asString();
            }
        }
        return null;
    }

    /**
     * A new instance sends itself hold requests before it reports ready, so that its first buyers
     * find the command path warm: every one refused by its own validation, none on a topic.
     */
    @Test
    @Order(1)
    void aNewInstanceWarmsItsCommandPathBeforeItIsReadyAndSendsNothingToKafka() {
        JsonNode health = a.get("/actuator/health/readiness", null).json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("commandPath").path("details").path("warmUp").asString())
                .startsWith("done: 200 requests answered {400=200} in ");
        assertThat(stack.keysOn(Topics.COMMANDS.name())).doesNotContain("warm-up");
    }

    @Test
    @Order(1)
    void holdExtendConfirmWithReadYourWrites() {
        String show = newShow();
        Http.Response created = a.get("/api/shows/" + show, null);
        assertThat(created.json().path("seq").asLong()).isEqualTo(1);
        assertThat(created.json().path("seats")).hasSize(30);
        assertThat(created.json().path("availability").path("STALLS").path("available").asInt()).isEqualTo(30);

        Http.Response held = a.post("/api/shows/" + show + "/holds", alice, seats("A-1", "A-2"));
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        JsonNode hold = held.json();
        String holdId = hold.path("holdId").asString();
        assertThat(hold.path("showId").asString()).isEqualTo(show);
        assertThat(hold.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(hold.path("seq").asLong()).isEqualTo(2);
        // read-your-writes: the very next read of this instance shows the hold
        assertThat(statusOf(a, show, "A-1")).isEqualTo("HELD");
        assertThat(a.get("/api/shows/" + show + "/holds", alice).json()).extracting(n -> n.path("holdId").asString())
                .containsExactly(holdId);
        assertThat(a.get("/api/shows/" + show + "/holds", bob).json()).isEmpty();
        assertThat(a.get("/api/holds/" + holdId, alice).json().path("seatIds")).hasSize(2);

        Http.Response extended = a.post("/api/holds/" + holdId + "/extend", alice, Map.of("ttlSeconds", 1200));
        assertThat(extended.status()).as(extended.raw()).isEqualTo(200);
        assertThat(extended.json().path("expiresAt").asString()).isGreaterThan(hold.path("expiresAt").asString());

        Http.Response confirmed = a.post("/api/holds/" + holdId + "/confirm", alice, Map.of("orderId", "o-1"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("orderId").asString()).isEqualTo("o-1");
        assertThat(statusOf(a, show, "A-2")).isEqualTo("SOLD");
        assertThat(a.get("/api/shows", null).json()).extracting(n -> n.path("showId").asString()).contains(show);

        Http.Response again = a.post("/api/holds/" + holdId + "/confirm", alice, Map.of("orderId", "o-2"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("HOLD_NOT_ACTIVE");
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(2)
    void anIdempotentRetryAnswersIdenticallyWithoutASecondEffect() {
        String show = newShow();
        Http.Response first = a.post("/api/shows/" + show + "/holds", alice, seats("B-1"), "retry-1");
        Http.Response retry = a.post("/api/shows/" + show + "/holds", alice, seats("B-1"), "retry-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(a.get("/api/shows/" + show, null).json().path("seq").asLong()).as("no second event").isEqualTo(2);
        // the key is scoped to the actor: bob's same key is another command
        Http.Response bobs = a.post("/api/shows/" + show + "/holds", bob, seats("B-1"), "retry-1");
        assertThat(bobs.status()).isEqualTo(409);
        assertThat(bobs.code()).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(bobs.json().path("seatErrors").get(0).path("seatId").asString()).isEqualTo("B-1");
        // same key, other content
        Http.Response changed = a.post("/api/shows/" + show + "/holds", alice, seats("B-2"), "retry-1");
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.json().path("detail").asString()).contains("commandId reused");
        assertThat(a.post("/api/shows/" + show + "/holds", alice, seats("B-3"), "bad key!").status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void everyErrorIsAProblemBodyWithItsCodeAndStatus() {
        String show = newShow(rows("STALLS", "AB", 5), Map.of("holdTtlSeconds", 60, "maxHoldSeconds", 120, "maxSeatsPerHolder", 3));
        String path = "/api/shows/" + show + "/holds";
        expect(a.post(path, alice, "{not json"), 400, "INVALID_COMMAND", "body");
        expect(a.post(path, alice, "{\"seatIds\":[\"A-1\"],\"ttlSeconds\":\"60\"}"), 400, "INVALID_COMMAND",
                "ttlSeconds");
        expect(a.post(path, alice, "{\"seatIds\":\"A-1\"}"), 400, "INVALID_COMMAND", "seatIds");
        expect(a.post(path, alice, Map.of()), 400, "INVALID_COMMAND", "");
        expect(a.post(path, alice, seats("bad id!")), 400, "INVALID_COMMAND", "seatIds");
        expect(a.post("/api/shows/bad%20show/holds", alice, seats("A-1")), 400, "INVALID_COMMAND", "showId");
        // refused by the HTTP server itself, before any filter: still problem bodies
        for (String odd : List.of("/api/shows/a%2Fb", "/api/shows/%25", "/api/shows/a%00b")) {
            expect(a.get(odd, alice), 400, "INVALID_COMMAND", "rejected");
            expect(a.delete(odd, alice, null), 400, "INVALID_COMMAND", "rejected");
        }
        Http.Response hugeHeader = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(a.base() + "/api/shows"))
                .header("X-Padding", "a".repeat(20_000)).GET(), null);
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.contentType()).startsWith("application/problem+json");
        expect(a.post(path, alice, "{\"seatIds\":[\"" + "A".repeat(70_000) + "\"]}"), 413, "PAYLOAD_TOO_LARGE", "");
        // larger than the socket buffers: the server must take the rest of the body before it answers,
        // or the client, still sending, gets a reset instead of its 413
        for (int size : List.of(300_000, 1_500_000)) {
            expect(a.post(path, alice, "{\"seatIds\":[\"A-1\"],\"pad\":\"" + "x".repeat(size) + "\"}"), 413,
                    "PAYLOAD_TOO_LARGE", "");
        }
        expect(a.post("/api/shows/no-such-show/holds", alice, seats("A-1")), 404, "SHOW_NOT_FOUND", "");
        expect(a.get("/api/shows/no-such-show", null), 404, "SHOW_NOT_FOUND", "");
        expect(a.get("/api/holds/no-such-hold", alice), 404, "HOLD_NOT_FOUND", "");
        expect(a.post(path, alice, seats("Z-9")), 422, "SEAT_NOT_FOUND", "");
        expect(a.post(path, alice, Map.of("seatIds", List.of("A-1"), "ttlSeconds", 600)), 422, "HOLD_TOO_LONG", "");
        expect(a.post(path, alice, seats("A-1", "A-2", "A-3", "A-4")), 422, "HOLDER_LIMIT", "");
        expect(a.post(path, alice, Map.of("bestAvailable", Map.of("category", "BALCONY", "quantity", 2))), 422,
                "NOT_ENOUGH_SEATS", "");
        expect(a.post(path, null, seats("A-1")), 401, "UNAUTHORIZED", "");
        expect(a.post(path, "not.a.jwt", seats("A-1")), 401, "UNAUTHORIZED", "");
        String wrongSecret = com.seatledger.api.config.DevTokens.mint("another-secret-that-is-also-32-bytes-long",
                "alice", List.of(), Duration.ofHours(1));
        expect(a.post(path, wrongSecret, seats("A-1")), 401, "UNAUTHORIZED", "");
        String expired = com.seatledger.api.config.DevTokens.mint(ApiStack.SECRET, "alice", List.of(),
                Duration.ofHours(-1));
        expect(a.post(path, expired, seats("A-1")), 401, "UNAUTHORIZED", "");
        expect(a.post("/api/shows", alice, Map.of("showId", "x", "name", "x", "seats", rows("S", "A", 1))), 403,
                "FORBIDDEN", "");
        expect(a.post("/api/shows/" + show + "/sales", alice, Map.of("seatIds", List.of("A-1"), "orderId", "o")), 403,
                "FORBIDDEN", "");
        expect(a.post("/api/shows", admin, Map.of("showId", show, "name", "again", "seats", rows("S", "A", 1))), 409,
                "SHOW_EXISTS", "");

        String holdId = a.post(path, alice, seats("B-1")).json().path("holdId").asString();
        expect(a.get("/api/holds/" + holdId, bob), 403, "NOT_HOLDER", "");
        expect(a.post("/api/holds/" + holdId + "/extend", bob, null), 403, "NOT_HOLDER", "");
        expect(a.delete("/api/holds/" + holdId, bob), 403, "NOT_HOLDER", "");
        expect(a.post("/api/holds/" + holdId + "/confirm", bob, Map.of("orderId", "o-9")), 403, "NOT_HOLDER", "");
        expect(a.post("/api/holds/" + holdId + "/confirm", alice, Map.of()), 400, "INVALID_COMMAND", "orderId");
        assertThat(a.get("/api/holds/" + holdId, admin).status()).as("an admin sees any hold").isEqualTo(200);
        assertThat(a.delete("/api/holds/" + holdId, alice).status()).isEqualTo(204);
        expect(a.delete("/api/holds/" + holdId, alice), 409, "HOLD_NOT_ACTIVE", "");
    }

    /**
     * The web layer's own refusals are problem bodies with their own codes, and a command whose
     * answer the client would not accept is refused before it acts: a 406 after the seat was taken
     * would leave the buyer holding a seat they were told nothing about.
     */
    @Test
    @Order(3)
    void theWebLayersRefusalsAreProblemsAndANotAcceptableCommandActsNot() {
        String show = newShow();
        String path = "/api/shows/" + show + "/holds";
        String json = "{\"seatIds\":[\"A-1\"]}";
        for (String accept : List.of("application/xml", "text/html")) {
            expect(send("POST", path, alice, "application/json", accept, json), 406, "NOT_ACCEPTABLE", "Accept");
        }
        expect(send("GET", "/api/shows/" + show, null, null, "application/xml", null), 406, "NOT_ACCEPTABLE", "Accept");
        assertThat(a.get(path, alice).json()).as("no hold was taken").isEmpty();
        assertThat(a.get("/api/shows/" + show, null).json().path("seq").asLong()).as("no event").isEqualTo(1);
        expect(send("POST", path, alice, "text/plain", null, json), 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type");
        expect(send("PATCH", path, alice, "application/json", null, json), 405, "METHOD_NOT_ALLOWED", "PATCH");
        expect(a.delete("/api/shows", alice), 405, "METHOD_NOT_ALLOWED", "DELETE");
        expect(a.get("/api/no-such-thing", alice), 404, "NOT_FOUND", "/api/no-such-thing");
        // the same hold, acceptable to the client, is taken
        Http.Response held = send("POST", path, alice, "application/json", "application/json, application/problem+json",
                json);
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
    }

    /** A request with the given headers (null: not sent) and body (null: none). */
    private Http.Response send(String method, String path, String token, String contentType, String accept, String body) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(a.base() + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return Http.send(b, null);
    }

    /**
     * Ordinary hold requests are answered by the direct route (HoldRoute), the rest by the full stack
     * (Spring Security, Spring MVC, HoldsController): each pair below asks the same once each way (a
     * query string sends a request the full way) and the answers must be one API, header for header.
     */
    @Test
    @Order(3)
    void theDirectHoldRouteAnswersAsTheFullStack() {
        String show = newShow(rows("STALLS", "AB", 10), Map.of("maxSeatsPerHolder", 3));
        String path = "/api/shows/" + show + "/holds";
        String full = path + "?via=full-stack";
        double before = directHolds();

        Http.Response heldDirect = a.post(path, alice, seats("A-1"));
        Http.Response heldFull = a.post(full, alice, seats("A-2"));
        assertThat(heldDirect.status()).as(heldDirect.raw()).isEqualTo(201);
        sameAnswer(heldDirect, heldFull, "holdId", "seatIds", "createdAt", "expiresAt", "seq");
        assertThat(heldDirect.headers().firstValue("location")).hasValue("/api/holds/" + heldDirect.json().path("holdId").asString());

        sameAnswer(a.post(path, bob, seats("A-1")), a.post(full, bob, seats("A-1")));
        sameAnswer(a.post(path, alice, seats("B-1", "B-2")), a.post(full, alice, seats("B-1", "B-2")));
        sameAnswer(a.post(path, alice, Map.of()), a.post(full, alice, Map.of()));
        sameAnswer(a.post(path, alice, "{\"seatIds\":[\"B-1\"],\"ttlSeconds\":\"9\"}"),
                a.post(full, alice, "{\"seatIds\":[\"B-1\"],\"ttlSeconds\":\"9\"}"));
        sameAnswer(a.post("/api/shows/gone/holds", alice, seats("A-1")),
                a.post("/api/shows/gone/holds?via=full-stack", alice, seats("A-1")));
        sameAnswer(a.post(path, alice, seats("B-9"), "bad key!"), a.post(full, alice, seats("B-9"), "bad key!"));
        // a retry the full way answers what the direct way answered first
        Http.Response first = a.post(path, bob, seats("B-3"), "direct-then-full");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        sameAnswer(first, a.post(full, bob, seats("B-3"), "direct-then-full"));
        assertThat(directHolds() - before).as("requests the direct route answered").isEqualTo(7);
        // and http_server_requests names their route as it does for the full stack's
        List<String> holdsTimed = a.get("/actuator/prometheus", null).raw().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("method=\"POST\"")
                        && l.contains("status=\"201\""))
                .toList();
        assertThat(holdsTimed).anyMatch(l -> l.contains("uri=\"/api/shows/{showId}/holds\""))
                .noneMatch(l -> l.contains("uri=\"UNKNOWN\""));
    }

    private static double directHolds() {
        return a.get("/actuator/metrics/seatledger.holds.direct", null).json().path("measurements").get(0)
                .path("value").asDouble();
    }

    /** Same status, same headers (but the date and, where bodies differ in ids, their length), same body but {@code varying}. */
    private static void sameAnswer(Http.Response one, Http.Response other, String... varying) {
        assertThat(one.status()).as(one.raw() + " vs " + other.raw()).isEqualTo(other.status());
        Map<String, List<String>> h1 = new java.util.TreeMap<>(one.headers().map());
        Map<String, List<String>> h2 = new java.util.TreeMap<>(other.headers().map());
        for (String skip : List.of("date", "content-length", "location")) {
            assertThat(h1.containsKey(skip)).as(skip).isEqualTo(h2.containsKey(skip));
            h1.remove(skip);
            h2.remove(skip);
        }
        assertThat(h1).isEqualTo(h2);
        tools.jackson.databind.node.ObjectNode b1 = (tools.jackson.databind.node.ObjectNode) one.json();
        tools.jackson.databind.node.ObjectNode b2 = (tools.jackson.databind.node.ObjectNode) other.json();
        for (String field : varying) {
            assertThat(b1.has(field)).as(field).isEqualTo(b2.has(field));
            b1.remove(field);
            b2.remove(field);
        }
        assertThat(b1).isEqualTo(b2);
    }

    static void expect(Http.Response r, int status, String code, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).as(r.raw()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.raw()).isEqualTo(code);
        assertThat(r.json().path("detail").asString()).as(r.raw()).contains(field);
    }

    @Test
    @Order(4)
    void boxOfficeSellsCancelsBlocksAndUnblocks() {
        String show = newShow();
        String base = "/api/shows/" + show;
        Http.Response sold = a.post(base + "/sales", admin, Map.of("seatIds", List.of("A-1", "A-2"), "orderId", "o-1"));
        assertThat(sold.status()).as(sold.raw()).isEqualTo(200);
        assertThat(sold.json().path("seq").asLong()).isEqualTo(2);
        expect(a.post(base + "/sales", admin, Map.of("seatIds", List.of("A-2"), "orderId", "o-2")), 409,
                "SEAT_UNAVAILABLE", "");
        assertThat(a.post(base + "/orders/o-1/cancel", admin, null).status()).isEqualTo(200);
        expect(a.post(base + "/orders/o-1/cancel", admin, null), 404, "ORDER_NOT_FOUND", "");
        assertThat(a.post(base + "/blocks", admin, Map.of("seatIds", List.of("C-1"), "reason", "camera")).status())
                .isEqualTo(200);
        assertThat(statusOf(a, show, "C-1")).isEqualTo("BLOCKED");
        expect(a.post(base + "/blocks", admin, seats("C-1")), 409, "SEAT_UNAVAILABLE", "");
        assertThat(a.post(base + "/unblocks", admin, seats("C-1")).status()).isEqualTo(200);
        expect(a.post(base + "/unblocks", admin, seats("C-1")), 409, "SEAT_UNAVAILABLE", "");
        assertThat(statusOf(a, show, "C-1")).isEqualTo("AVAILABLE");
    }

    @Test
    @Order(5)
    void twoClientsSeeTheSameOrderedDeltasAndResumeWithoutGapOrDuplicate() {
        String show = newShow();
        String url = a.base() + "/api/shows/" + show + "/events";
        try (SseClient one = new SseClient(url, null); SseClient two = new SseClient(url, null)) {
            assertThat(one.awaitEvent(e -> "snapshot".equals(e.name())).retry()).isNotNull();
            two.awaitEvent(e -> "snapshot".equals(e.name()));
            String h1 = a.post("/api/shows/" + show + "/holds", alice, seats("A-1")).json().path("holdId").asString();
            a.post("/api/holds/" + h1 + "/extend", alice, null);
            a.post("/api/shows/" + show + "/holds", bob, seats("A-2", "A-3"));
            a.post("/api/holds/" + h1 + "/confirm", alice, Map.of("orderId", "o-1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> one.named("seats").size() == 3
                    && two.named("seats").size() == 3);
            assertThat(ids(one.named("seats"))).as("EXTEND changed no seat").containsExactly("2", "4", "5");
            assertThat(ids(two.named("seats"))).isEqualTo(ids(one.named("seats")));
            assertThat(one.named("seats")).extracting(SseClient.Event::data)
                    .isEqualTo(two.named("seats").stream().map(SseClient.Event::data).toList());
            for (SseClient.Event e : one.events) {
                assertThat(e.data()).as("public stream").doesNotContain("holdId", "actor", "orderId", "alice", "bob");
            }
            // clients of one show share its serialised snapshot; a later client must still get the current one
            try (SseClient late = new SseClient(url, null)) {
                SseClient.Event snap = late.awaitEvent(e -> "snapshot".equals(e.name()));
                assertThat(snap.id()).isEqualTo("5");
                assertThat(snap.json().path("seats").valueStream()
                        .filter(seat -> seat.path("seatId").asString().equals("A-1"))
                        .map(seat -> seat.path("status").asString())).containsExactly("SOLD");
            }
        }
        // resume after seq 2 by header: exactly 4 and 5, no snapshot
        try (SseClient resumed = new SseClient(url, "2")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.named("seats").size() >= 2);
            assertThat(resumed.named("snapshot")).isEmpty();
            assertThat(ids(resumed.named("seats"))).containsExactly("4", "5");
            // a later change arrives once
            a.post("/api/shows/" + show + "/holds", alice, seats("B-1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.named("seats").size() == 3);
            assertThat(ids(resumed.named("seats"))).containsExactly("4", "5", "6");
        }
        // the query parameter works for a first connect; the header wins over it
        try (SseClient byParam = new SseClient(url + "?lastEventId=5", null);
                SseClient headerWins = new SseClient(url + "?lastEventId=1", "5")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> byParam.named("seats").size() == 1
                    && headerWins.named("seats").size() == 1);
            assertThat(ids(byParam.named("seats"))).containsExactly("6");
            assertThat(ids(headerWins.named("seats"))).containsExactly("6");
        }
        // garbage or future ids get a fresh snapshot
        for (String stale : List.of("garbage", "999")) {
            try (SseClient fresh = new SseClient(url, stale)) {
                SseClient.Event snap = fresh.awaitEvent(e -> "snapshot".equals(e.name()));
                assertThat(snap.id()).isEqualTo("6");
                assertThat(snap.json().path("seats")).hasSize(30);
                assertThat(snap.data()).doesNotContain("holdId", "alice");
            }
        }
        assertThat(new SseClient(a.base() + "/api/shows/no-such-show/events", null).status).isEqualTo(404);
    }

    static List<String> ids(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::id).toList();
    }

    @Test
    @Order(6)
    void holdStreamSendsTheHoldExpiringAndExpired() {
        String show = newShow();
        String holdId = a.post("/api/shows/" + show + "/holds", alice,
                Map.of("seatIds", List.of("A-1"), "ttlSeconds", 3)).json().path("holdId").asString();
        String url = a.base() + "/api/holds/" + holdId + "/events?access_token=";
        assertThat(new SseClient(url + bob, null).status).isEqualTo(403);
        assertThat(new SseClient(a.base() + "/api/holds/" + holdId + "/events", null).status).isEqualTo(401);
        try (SseClient mine = new SseClient(url + alice, null)) {
            assertThat(mine.awaitEvent(e -> "hold".equals(e.name())).json().path("status").asString())
                    .isEqualTo("ACTIVE");
            mine.awaitEvent(e -> "expiring".equals(e.name()));
            SseClient.Event expired = mine.awaitEvent(e -> "hold".equals(e.name()) && e.data().contains("EXPIRED"));
            assertThat(expired.json().path("holdId").asString()).isEqualTo(holdId);
            await().atMost(Duration.ofSeconds(5)).until(mine::ended);
        }
        assertThat(statusOf(a, show, "A-1")).isEqualTo("AVAILABLE");
        expect(a.post("/api/holds/" + holdId + "/extend", alice, null), 410, "HOLD_EXPIRED", "");
    }

    @Test
    @Order(7)
    void twoInstancesAnswerTheirOwnRequestsAndServeTheSameMapAndStream() {
        String show = newShow();
        try (SseClient onA = new SseClient(a.base() + "/api/shows/" + show + "/events", null);
                SseClient onB = new SseClient(b.base() + "/api/shows/" + show + "/events", null)) {
            onA.awaitEvent(e -> "snapshot".equals(e.name()));
            onB.awaitEvent(e -> "snapshot".equals(e.name()));
            Http.Response viaA = a.post("/api/shows/" + show + "/holds", alice, seats("A-1"));
            Http.Response viaB = b.post("/api/shows/" + show + "/holds", bob, seats("A-2"));
            assertThat(viaA.status()).as(viaA.raw()).isEqualTo(201);
            assertThat(viaB.status()).as(viaB.raw()).isEqualTo(201);
            assertThat(viaA.json().path("actor").asString()).isEqualTo("alice");
            assertThat(viaB.json().path("actor").asString()).isEqualTo("bob");
            // B's answer is B's read-your-writes; A catches up within moments
            await().atMost(Duration.ofSeconds(5)).until(() -> a.get("/api/shows/" + show, null).raw()
                    .equals(b.get("/api/shows/" + show, null).raw()));
            await().atMost(Duration.ofSeconds(10)).until(() -> onA.named("seats").size() == 2
                    && onB.named("seats").size() == 2);
            assertThat(onA.named("seats").stream().map(SseClient.Event::data).toList())
                    .isEqualTo(onB.named("seats").stream().map(SseClient.Event::data).toList());
        }
    }

    @Test
    @Order(8)
    void perActorRateLimitAnswers429WithRetryAfter() {
        String show = newShow();
        String carol = Http.token("carol");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            statuses.add(b.post("/api/shows/" + show + "/holds", carol, seats("C-" + i)).status());
        }
        assertThat(statuses.subList(0, 4)).containsOnly(201);
        Http.Response limited = b.post("/api/shows/" + show + "/holds", carol, seats("C-9"));
        expect(limited, 429, "RATE_LIMITED", "");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(b.post("/api/shows/" + show + "/holds", Http.token("dave"), seats("B-9")).status())
                .as("others are not limited").isEqualTo(201);
    }

    @Test
    @Order(9)
    void aStalledClientIsDroppedWhileAnotherKeepsReceiving() throws Exception {
        // a 100,000-seat show: its snapshot alone is more than the socket buffers of a client that never reads
        List<Map<String, Object>> seats = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            for (int n = 1; n <= 500; n++) {
                seats.add(Map.of("seatId", "R" + r + "-" + n, "section", "FLOOR", "row", "R" + r, "number", n,
                        "category", r < 50 ? "GOLD" : "SILVER"));
            }
        }
        long t0 = System.nanoTime();
        String show = newShow(seats, null);
        System.out.printf("100,000-seat show created and visible in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        String url = a.base() + "/api/shows/" + show + "/events";
        var registry = apiA.context().getBean(io.micrometer.core.instrument.MeterRegistry.class);
        double droppedBefore = registry.get("seatledger.sse.clients.dropped").functionCounter().count();
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new java.net.InetSocketAddress("localhost", java.net.URI.create(url).getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/shows/" + show + "/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (SseClient live = new SseClient(url, null)) {
                live.awaitEvent(e -> "snapshot".equals(e.name()));
                for (int i = 0; i < 40; i++) {
                    assertThat(a.post("/api/shows/" + show + "/holds", Http.token("fan-" + i), seats("R0-" + (i + 1)))
                            .status()).isEqualTo(201);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> live.named("seats").size() == 40);
                await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("seatledger.sse.clients.dropped")
                        .functionCounter().count() > droppedBefore);
                assertThat(live.ended()).isFalse();
            }
        }
    }

    @Test
    @Order(10)
    void aNewInstanceStartsFromSnapshotsAndServesTheSameSeatMaps() {
        String show = newShow();
        for (int i = 1; i <= 5; i++) {
            a.post("/api/shows/" + show + "/holds", Http.token("buyer-" + i), seats("A-" + i));
        }
        a.post("/api/shows/" + show + "/sales", admin, Map.of("seatIds", List.of("C-1"), "orderId", "o-1"));
        String expected = a.get("/api/shows/" + show, null).raw();
        String expectedOrders = a.get("/api/shows/" + show + "/orders", admin).raw();
        stack.awaitSnapshot(show, a.get("/api/shows/" + show, null).json().path("seq").asLong());
        ApiStack.Api fresh = stack.startApi();
        assertThat(fresh.http().get("/api/shows/" + show, null).raw()).isEqualTo(expected);
        assertThat(fresh.http().get("/api/shows/" + show + "/orders", admin).raw()).as("orders from the snapshot")
                .isEqualTo(expectedOrders).contains("o-1");
        StatusReader reader = fresh.context().getBean(StatusReader.class);
        assertThat(reader.snapshotsLoaded()).isPositive();
        long all = apiA.context().getBean(StatusReader.class).eventsRead();
        assertThat(reader.eventsRead()).as("events read of %d", all).isLessThan(all / 2);
        assertThat(fresh.http().get("/api/shows/" + show + "/holds", Http.token("buyer-3")).json()).hasSize(1);
        // and it keeps following: a new hold via A shows up in the fresh instance
        a.post("/api/shows/" + show + "/holds", alice, seats("B-1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "HELD".equals(statusOf(fresh.http(), show, "B-1")));
    }

    @Test
    @Order(6)
    void generalAdmissionPlacesAreHeldSoldAndStreamedBesideSeats() {
        String show = "ga-" + shows.incrementAndGet();
        Http.Response created = a.post("/api/shows", admin, Map.of("showId", show, "name", "Festival",
                "seats", rows("STALLS", "A", 4),
                "areas", List.of(Map.of("areaId", "FLOOR", "name", "Standing floor", "category", "GA", "capacity", 5))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().path("areas").get(0).path("available").asInt()).isEqualTo(5);
        String base = "/api/shows/" + show;
        try (SseClient map = new SseClient(a.base() + base + "/events", null)) {
            SseClient.Event snap = map.awaitEvent(e -> "snapshot".equals(e.name()));
            assertThat(snap.json().path("areas").get(0).path("capacity").asInt()).isEqualTo(5);

            Http.Response held = a.post(base + "/holds", alice, Map.of("seatIds", List.of("A-1"),
                    "areas", List.of(Map.of("areaId", "FLOOR", "quantity", 3))));
            assertThat(held.status()).as(held.raw()).isEqualTo(201);
            assertThat(held.json().path("areas").get(0).path("quantity").asInt()).isEqualTo(3);
            assertThat(held.json().path("seatIds").get(0).asString()).isEqualTo("A-1");

            Http.Response full = a.post(base + "/holds", bob, Map.of("areas", List.of(Map.of("areaId", "FLOOR",
                    "quantity", 3))));
            expect(full, 409, "AREA_FULL", "FLOOR");
            assertThat(full.json().path("areaErrors").get(0).path("available").asInt()).isEqualTo(2);
            expect(a.post(base + "/holds", bob, Map.of("areas", List.of(Map.of("areaId", "MOON", "quantity", 1)))),
                    422, "AREA_NOT_FOUND", "MOON");

            Http.Response sold = a.post(base + "/sales", admin, Map.of("areas",
                    List.of(Map.of("areaId", "FLOOR", "quantity", 2)), "orderId", "o-ga"));
            assertThat(sold.status()).as(sold.raw()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> map.named("seats").size() == 2);
            SseClient.Event sale = map.named("seats").get(1);
            assertThat(sale.json().path("seats")).isEmpty();
            assertThat(sale.json().path("areas").get(0).path("sold").asInt()).isEqualTo(2);
            assertThat(sale.json().path("areas").get(0).path("held").asInt()).isEqualTo(3);
            assertThat(sale.json().path("availability").path("GA").path("available").asInt()).isZero();
        }
        JsonNode area = a.get(base, null).json().path("areas").get(0);
        assertThat(List.of(area.path("available").asInt(), area.path("held").asInt(), area.path("sold").asInt(),
                area.path("blocked").asInt())).containsExactly(0, 3, 2, 0);
    }

    @Test
    @Order(6)
    void theBoxOfficeListsHoldsOrdersAndLooksUpSeats() {
        String show = newShow();
        String base = "/api/shows/" + show;
        String h1 = a.post(base + "/holds", alice, seats("A-1")).json().path("holdId").asString();
        a.post(base + "/holds", bob, seats("A-2", "A-3"));
        a.post(base + "/sales", admin, Map.of("seatIds", List.of("B-1"), "orderId", "o-1"));
        assertThat(a.post("/api/holds/" + h1 + "/confirm", alice, Map.of("orderId", "o-2")).status()).isEqualTo(200);

        JsonNode all = a.get(base + "/holds?all=true", admin).json();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).path("actor").asString()).isEqualTo("bob");
        expect(a.get(base + "/holds?all=true", alice), 403, "FORBIDDEN", "admin");

        JsonNode orders = a.get(base + "/orders", admin).json();
        assertThat(orders.valueStream().map(o -> o.path("orderId").asString())).containsExactly("o-1", "o-2");
        assertThat(orders.get(1).path("holdId").asString()).isEqualTo(h1);
        assertThat(orders.get(1).path("actor").asString()).isEqualTo("alice");
        assertThat(orders.get(1).path("seatIds").get(0).asString()).isEqualTo("A-1");
        assertThat(orders.get(0).path("soldAt").asString()).isNotBlank();
        assertThat(a.get(base + "/orders", alice).status()).isEqualTo(403);

        JsonNode held = a.get(base + "/seats/A-2", admin).json();
        assertThat(held.path("status").asString()).isEqualTo("HELD");
        assertThat(held.path("actor").asString()).isEqualTo("bob");
        assertThat(held.path("holdId").asString()).isNotBlank();
        JsonNode sold = a.get(base + "/seats/B-1", admin).json();
        assertThat(sold.path("orderId").asString()).isEqualTo("o-1");
        assertThat(a.get(base + "/seats/C-1", admin).json().has("holdId")).isFalse();
        expect(a.get(base + "/seats/Z-9", admin), 404, "SEAT_NOT_FOUND", "Z-9");
        assertThat(a.get(base + "/seats/A-2", alice).status()).isEqualTo(403);

        a.post(base + "/orders/o-1/cancel", admin, null);
        assertThat(a.get(base + "/orders", admin).json().valueStream().map(o -> o.path("orderId").asString()))
                .containsExactly("o-2");
    }

    @Test
    @Order(6)
    void theOpenApiDescriptionIsCompleteEnoughToDriveTheApi() throws java.io.IOException {
        JsonNode api = a.get("/v3/api-docs", null).json();
        // the checked-in copy, from which examples/java-client generates its client, is what is served
        java.nio.file.Path checkedIn = java.nio.file.Path.of("openapi.json");
        if (Boolean.getBoolean("openapi.write")) {
            java.nio.file.Files.writeString(checkedIn, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(api) + "\n");
        }
        assertThat(Json.MAPPER.readTree(java.nio.file.Files.readString(checkedIn)))
                .as("api-app/openapi.json: rewrite it with -Dopenapi.write=true").isEqualTo(api);
        assertThat(api.toString()).as("every referenced schema is defined").doesNotContain("\"*/*\"");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z0-9_.]+)")
                .matcher(api.toString());
        while (refs.find()) {
            assertThat(api.path("components").path("schemas").has(refs.group(1))).as(refs.group(1)).isTrue();
        }
        assertThat(api.path("paths").path("/api/holds/{holdId}/events").path("get").path("parameters").toString())
                .contains("access_token");
        assertThat(api.path("paths").path("/api/holds/{holdId}/extend").path("post").path("responses").has("422"))
                .as("an extension is clamped at the cap, never HOLD_TOO_LONG").isFalse();
        assertThat(api.path("info").path("title").asString()).isEqualTo("Seat Ledger API");
        assertThat(api.path("info").path("version").asString()).isNotBlank();
        JsonNode bearer = api.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        int operations = 0;
        for (var path : api.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                operations++;
                assertThat(responses.propertyNames().stream().anyMatch(s -> s.startsWith("2")))
                        .as("%s has a success response", name).isTrue();
                boolean secured = op.getValue().has("security");
                if (secured) {
                    assertThat(responses.path("401").path("description").asString()).as(name).contains("UNAUTHORIZED");
                }
                responses.properties().stream().filter(r -> r.getKey().startsWith("4") || r.getKey().startsWith("5"))
                        .forEach(r -> assertThat(r.getValue().path("content").has("application/problem+json"))
                                .as("%s %s is a problem body", name, r.getKey()).isTrue());
            }
        }
        assertThat(operations).as("every route of the API").isEqualTo(20);
        JsonNode hold = api.path("paths").path("/api/shows/{showId}/holds").path("post");
        assertThat(hold.path("responses").has("201")).isTrue();
        assertThat(hold.path("responses").path("409").path("description").asString()).contains("SEAT_UNAVAILABLE")
                .contains("AREA_FULL").contains("CHANNEL_RESTRICTED");
        assertThat(hold.path("security").isArray()).isTrue();
        assertThat(api.path("paths").path("/api/holds/{holdId}").path("delete").path("responses").has("204")).isTrue();
        assertThat(api.path("paths").path("/api/shows").path("get").has("security")).as("public").isFalse();
        assertThat(api.path("components").path("schemas").path("CreateShow").path("required").valueStream()
                .map(JsonNode::asString)).contains("showId", "name");
        assertThat(api.path("components").path("schemas").path("SeatDef").path("required")).hasSize(5);
        assertThat(api.path("components").path("schemas").path("Hold").path("example").path("seatIds").isArray())
                .as("request bodies have examples").isTrue();
        // the topics' AsyncAPI document: every topic with its key and payload schema
        Http.Response asyncapi = a.get("/asyncapi.yaml", null);
        assertThat(asyncapi.status()).isEqualTo(200);
        assertThat(asyncapi.contentType()).startsWith("application/yaml");
        JsonNode topics = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(asyncapi.raw());
        assertThat(topics.path("asyncapi").asString()).isEqualTo("3.0.0");
        for (String topic : List.of("seat-commands", "seat-command-results", "seat-status", "seat-snapshots",
                "seat-commands-dlq")) {
            JsonNode channel = topics.path("channels").path(topic);
            assertThat(channel.path("address").asString()).as(topic).isEqualTo(topic);
            String message = channel.path("messages").propertyNames().iterator().next();
            JsonNode m = topics.path("components").path("messages").path(message);
            assertThat(m.path("bindings").path("kafka").path("key").path("type").asString()).as(topic).isEqualTo("string");
            assertThat(m.path("payload").isObject()).as(topic).isTrue();
        }
        assertThat(topics.path("components").path("schemas").path("ShowEvent").path("properties").has("seq")).isTrue();
        // probes: liveness is the process, readiness includes the views having caught up
        Http.Response live = a.get("/actuator/health/liveness", null);
        assertThat(live.status()).as(live.raw()).isEqualTo(200);
        Http.Response ready = a.get("/actuator/health/readiness", null);
        assertThat(ready.status()).as(ready.raw()).isEqualTo(200);
        assertThat(ready.json().path("components").has("kafkaConsumers")).as(ready.raw()).isTrue();
        assertThat(live.json().path("components").has("kafkaConsumers")).as(live.raw()).isFalse();
    }

    @Test
    @Order(6)
    void archivingAShowEndsItsStreamsReleasesItsHoldsAndRetiresItsId() {
        String show = newShow();
        String base = "/api/shows/" + show;
        String holdId = a.post(base + "/holds", alice, seats("A-1", "A-2")).json().path("holdId").asString();
        try (SseClient map = new SseClient(a.base() + base + "/events", null)) {
            map.awaitEvent(e -> "snapshot".equals(e.name()));
            expect(a.post(base + "/archive", alice, Map.of("reason", "over")), 403, "FORBIDDEN", "");
            Http.Response archived = a.post(base + "/archive", admin, Map.of("reason", "over"));
            assertThat(archived.status()).as(archived.raw()).isEqualTo(200);
            assertThat(archived.json().path("seq").asLong()).isEqualTo(3);

            SseClient.Event end = map.awaitEvent(e -> "archived".equals(e.name()));
            assertThat(end.id()).isEqualTo("3");
            assertThat(end.json().path("availability").path("STALLS").path("available").asInt()).isEqualTo(30);
            assertThat(map.named("seats")).as("the archive is no seat delta").isEmpty();
        }
        assertThat(a.get(base, null).status()).isEqualTo(404);
        assertThat(a.get("/api/shows", null).json().valueStream()
                .noneMatch(s -> s.path("showId").asString().equals(show))).isTrue();
        expect(a.post(base + "/holds", alice, seats("A-3")), 404, "SHOW_NOT_FOUND", show);
        expect(a.delete("/api/holds/" + holdId, alice), 404, "HOLD_NOT_FOUND", holdId);
        expect(a.post("/api/shows", admin, Map.of("showId", show, "name", "again", "seats", rows("STALLS", "A", 2))),
                409, "SHOW_EXISTS", show);
    }

    @Test
    @Order(11)
    void withoutALedgerCommandsAnswer503WithRetryAfterAndRecover() {
        String show = newShow();
        stack.stopLedger();
        try {
            Http.Response r = a.post("/api/shows/" + show + "/holds", alice, seats("A-1"), "during-outage");
            expect(r, 503, "LEDGER_UNAVAILABLE", "Idempotency-Key");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(a.get("/api/shows/" + show, null).status()).as("reads still served").isEqualTo(200);
        } finally {
            stack.startLedger();
        }
        Http.Response retried = a.post("/api/shows/" + show + "/holds", alice, seats("A-1"), "during-outage");
        assertThat(retried.status()).as(retried.raw()).isEqualTo(201);
        assertThat(a.get("/api/shows/" + show + "/holds", alice).json()).hasSize(1);
    }

    @Test
    @Order(12)
    void aRetryGetsTheOriginalAnswerAfterTheViewsForgotTheHold() {
        String show = newShow();
        String kept = a.post("/api/shows/" + show + "/holds", alice, seats("A-1"), "fg-hold-1").json().path("holdId")
                .asString();
        String dropped = a.post("/api/shows/" + show + "/holds", alice, seats("A-2"), "fg-hold-2").json()
                .path("holdId").asString();
        Http.Response extended = a.post("/api/holds/" + kept + "/extend", alice, Map.of("ttlSeconds", 900), "fg-ext");
        Http.Response confirmed = a.post("/api/holds/" + kept + "/confirm", alice, Map.of("orderId", "o-fg"), "fg-conf");
        Http.Response released = a.delete("/api/holds/" + dropped, alice, "fg-rel");
        assertThat(List.of(extended.status(), confirmed.status(), released.status())).containsExactly(200, 200, 204);

        // this instance forgets every ended hold (as it does an hour after they end)
        apiA.context().getBean(Views.class).forgetEndedHolds(Instant.now().plusSeconds(1));
        assertThat(a.get("/api/holds/" + kept, alice).status()).as("forgotten").isEqualTo(404);
        retriesAnswerAsFirst(a, kept, dropped, extended, confirmed);

        // an instance that starts after the holds ended never saw them: it starts reading where the
        // snapshots end
        stack.awaitSnapshot(show, a.get("/api/shows/" + show, null).json().path("seq").asLong());
        Http fresh = stack.startApi("--seatledger.views.snapshot-margin=0s").http();
        assertThat(fresh.get("/api/holds/" + kept, alice).status()).as("never seen").isEqualTo(404);
        retriesAnswerAsFirst(fresh, kept, dropped, extended, confirmed);

        // a new command on a forgotten hold is decided by the ledger, not refused as unknown
        Http.Response late = fresh.post("/api/holds/" + kept + "/confirm", alice, Map.of("orderId", "o-fg2"));
        expect(late, 409, "HOLD_NOT_ACTIVE", kept);
        expect(fresh.post("/api/holds/h-0000000000000000:no-such-show/extend", alice, Map.of()), 404,
                "HOLD_NOT_FOUND", "h-0000000000000000:no-such-show");
        assertThat(statusOf(fresh, show, "A-1")).isEqualTo("SOLD");
        assertThat(fresh.get("/api/shows/" + show, null).json().path("seq").asLong()).as("no second effect")
                .isEqualTo(6);
    }

    private void retriesAnswerAsFirst(Http api, String kept, String dropped, Http.Response extended,
            Http.Response confirmed) {
        Http.Response extendAgain = api.post("/api/holds/" + kept + "/extend", alice, Map.of("ttlSeconds", 900), "fg-ext");
        Http.Response confirmAgain = api.post("/api/holds/" + kept + "/confirm", alice, Map.of("orderId", "o-fg"),
                "fg-conf");
        Http.Response releaseAgain = api.delete("/api/holds/" + dropped, alice, "fg-rel");
        assertThat(extendAgain.raw()).as("extend retried").isEqualTo(extended.raw());
        assertThat(confirmAgain.raw()).as("confirm retried").isEqualTo(confirmed.raw());
        assertThat(releaseAgain.status()).as("release retried: " + releaseAgain.raw()).isEqualTo(204);
    }

    @Test
    @Order(13)
    void oneClientAddressCannotTakeEveryStreamSlot() {
        String show = newShow();
        Http capped = stack.startApi("--seatledger.sse.max-per-address=2", "--seatledger.sse.heartbeat=1s").http();
        String url = capped.base() + "/api/shows/" + show + "/events";
        // the local test client is a trusted proxy: X-Forwarded-For names the client it serves
        try (SseClient one = new SseClient(url, null, "203.0.113.7");
                SseClient two = new SseClient(url, null, "203.0.113.7");
                SseClient other = new SseClient(url, null, "203.0.113.8");
                SseClient local = new SseClient(url, null)) {
            assertThat(List.of(one.status, two.status, other.status, local.status)).containsOnly(200);
            try (SseClient third = new SseClient(url, null, "203.0.113.7")) {
                assertThat(third.status).as(third.raw).isEqualTo(429);
                assertThat(Json.MAPPER.readTree(third.raw).path("code").asString()).isEqualTo("RATE_LIMITED");
                assertThat(Json.MAPPER.readTree(third.raw).path("detail").asString()).contains("203.0.113.7");
            }
            one.close();
            await("the closed stream's slot is free again").atMost(Duration.ofSeconds(10)).until(() -> {
                try (SseClient again = new SseClient(url, null, "203.0.113.7")) {
                    return again.status == 200;
                }
            });
        }
    }

    /**
     * A presale over REST: the fan club's seats and places are CHANNEL_RESTRICTED (409) for a public
     * buyer, held by a buyer whose token names the channel; the admin moves more seats in and sees the
     * channel's counts; the public body and stream show each seat's channel id but never a
     * channel's name or counts.
     */
    @Test
    @Order(14)
    void aPresaleEndToEnd() {
        String show = "presale-" + shows.incrementAndGet();
        List<Map<String, Object>> layout = new ArrayList<>(rows("STALLS", "AB", 6));
        layout.set(0, Map.of("seatId", "A-1", "section", "MAIN", "row", "A", "number", 1, "category", "STALLS",
                "attributes", List.of("WHEELCHAIR")));
        Map<String, Object> create = Map.of("showId", show, "name", "Presale", "seats", layout,
                "areas", List.of(Map.of("areaId", "PIT", "name", "Pit", "category", "GA", "capacity", 10)),
                "channels", List.of(Map.of("channelId", "fanclub", "name", "Fan club", "seatIds", List.of("A-2", "A-3"),
                        "areas", List.of(Map.of("areaId", "PIT", "quantity", 4)))));
        Http.Response created = a.post("/api/shows", admin, create);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().path("channels").get(0).path("name").asString()).isEqualTo("Fan club");
        String fan = com.seatledger.api.config.DevTokens.mint(ApiStack.SECRET, "fan", List.of(), List.of("fanclub"),
                Duration.ofHours(1));
        String holds = "/api/shows/" + show + "/holds";

        Http.Response refused = a.post(holds, bob, seats("A-2", "A-4"));
        expect(refused, 409, "CHANNEL_RESTRICTED", "");
        assertThat(refused.json().path("seatErrors").toString()).contains("A-2").doesNotContain("A-4");
        expect(a.post(holds, bob, Map.of("areas", List.of(Map.of("areaId", "PIT", "quantity", 1, "channel", "fanclub")))),
                409, "CHANNEL_RESTRICTED", "");
        Http.Response held = a.post(holds, fan, Map.of("bestAvailable",
                Map.of("category", "STALLS", "quantity", 2, "channel", "fanclub"),
                "areas", List.of(Map.of("areaId", "PIT", "quantity", 2, "channel", "fanclub"))));
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        assertThat(held.json().path("seatIds").toString()).contains("A-2", "A-3");
        Http.Response best = a.post(holds, bob, Map.of("bestAvailable", Map.of("category", "STALLS", "quantity", 1)));
        assertThat(best.json().path("seatIds").toString()).as("no wheelchair space, no channel seat")
                .contains("A-4");

        Http.Response assigned = a.post("/api/shows/" + show + "/channels/fanclub/seats", admin,
                Map.of("seatIds", List.of("B-1")));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        expect(a.post("/api/shows/" + show + "/channels/fanclub/seats", bob, Map.of("seatIds", List.of("B-2"))), 403,
                "FORBIDDEN", "");
        Http.Response channels = a.get("/api/shows/" + show + "/channels", admin);
        assertThat(channels.status()).as(channels.raw()).isEqualTo(200);
        JsonNode fanclub = channels.json().get(0);
        assertThat(fanclub.path("seatIds").toString()).contains("A-2", "A-3", "B-1");
        assertThat(fanclub.path("availability").path("STALLS").path("held").asInt()).isEqualTo(2);
        assertThat(fanclub.path("availability").path("GA").path("held").asInt()).isEqualTo(2);
        assertThat(a.get("/api/shows/" + show + "/channels", bob).status()).isEqualTo(403);
        assertThat(a.post("/api/shows/" + show + "/channels/public/seats", admin, Map.of("seatIds", List.of("B-1")))
                .status()).as("back to the pool").isEqualTo(200);

        JsonNode body = a.get("/api/shows/" + show, null).json();
        assertThat(body.has("channels")).as("the public sees no channel's name or counts").isFalse();
        assertThat(body.path("seats").get(1).path("channel").asString()).isEqualTo("fanclub");
        assertThat(body.path("seats").get(0).path("attributes").toString()).contains("WHEELCHAIR");
        assertThat(a.get("/api/shows/" + show, fan).json().path("channels").get(0).path("channelId").asString())
                .as("the channel's buyer sees its own").isEqualTo("fanclub");
        try (SseClient stream = new SseClient(a.base() + "/api/shows/" + show + "/events", "1")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.named("seats").size() >= 4);
            String all = stream.events.stream().map(SseClient.Event::data).toList().toString();
            assertThat(all).doesNotContain("Fan club", "quotas").contains("\"channel\":\"fanclub\"");
        }

        // the token's channels claim travels in every command the buyer sends, not only the HOLD
        String heldId = held.json().path("holdId").asString();
        assertThat(a.post("/api/holds/" + heldId + "/extend", fan, Map.of()).status()).isEqualTo(200);
        assertThat(a.delete("/api/holds/" + heldId, fan).status()).isEqualTo(204);
        List<JsonNode> fans = stack.commandsOf(show, "fan", 3);
        assertThat(fans).extracting(c -> c.path("type").asString()).containsExactly("HOLD", "EXTEND_HOLD",
                "RELEASE_HOLD");
        assertThat(fans).allSatisfy(c -> assertThat(c.path("channels").toString()).isEqualTo("[\"fanclub\"]"));
    }

    /**
     * A 100,000-seat show end to end through the API: a layout body of more than 16 MiB accepted
     * (the body limit of show creation), the ledger's decision and its CREATE event (the whole
     * layout) through the topics, the seat map served and streamed, a hold decided on it; archived
     * at the end so that its snapshots do not weigh on the tests after it.
     */
    @Test
    @Order(15)
    void aHundredThousandSeatShowWorksEndToEnd() {
        String show = "stadium-" + shows.incrementAndGet();
        List<Map<String, Object>> layout = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            int section = i / 10_000;
            int row = i / 50 % 200;
            layout.add(Map.of("seatId", "S" + section + "-R" + row + "-" + (i % 50 + 1),
                    "section", "Upper tier, grand circle, north stand, block " + (char) ('A' + section)
                            + ", section " + section,
                    "row", "Row " + row + " of section " + section + " of the grand circle", "number", i % 50 + 1,
                    "category", section < 2 ? "PREMIUM" : "STANDARD"));
        }
        String body = Json.MAPPER.writeValueAsString(Map.of("showId", show, "name", "Stadium", "seats", layout));
        assertThat(body.length()).as("the body limit of show creation is at least 16 MiB").isGreaterThan(16 << 20);

        Http.Response created = a.post("/api/shows", admin, body);
        assertThat(created.status()).as(created.raw().substring(0, Math.min(500, created.raw().length()))).isEqualTo(201);
        assertThat(created.json().path("seats")).hasSize(100_000);
        assertThat(created.json().path("availability").path("STANDARD").path("available").asInt()).isEqualTo(80_000);

        Http.Response held = a.post("/api/shows/" + show + "/holds", alice, seats("S9-R199-50"));
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        assertThat(held.json().path("seq").asLong()).isEqualTo(2);
        Http.Response best = a.post("/api/shows/" + show + "/holds", bob,
                Map.of("bestAvailable", Map.of("category", "PREMIUM", "quantity", 4)));
        assertThat(best.status()).as(best.raw()).isEqualTo(201);
        assertThat(best.json().path("seatIds")).hasSize(4);

        try (SseClient map = new SseClient(a.base() + "/api/shows/" + show + "/events", null)) {
            SseClient.Event snap = map.awaitEvent(e -> "snapshot".equals(e.name()));
            assertThat(snap.id()).isEqualTo("3");
            assertThat(snap.json().path("seats")).hasSize(100_000);
            assertThat(snap.data()).doesNotContain("holdId", "alice", "bob");
        }
        assertThat(statusOf(a, show, "S9-R199-50")).isEqualTo("HELD");
        assertThat(a.post("/api/shows/" + show + "/archive", admin, null).status()).isEqualTo(200);
    }
}
