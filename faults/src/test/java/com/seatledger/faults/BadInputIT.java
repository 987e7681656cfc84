package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.seatledger.harness.KafkaClients;
import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.ResultCode;

/**
 * Bad input, the REST errors and the public stream's projection against the real jars: garbage through the REST API (never a 5xx, every error
 * a problem body), garbage on seat-commands (dead-lettered, valid commands around it decided, no
 * stall), and the access rules (another buyer's hold, box-office endpoints, the public stream,
 * forged and expired tokens).
 */
class BadInputIT {

    static Scenario s;
    static Rest api;
    static String show;
    static final String USER = Tokens.token("mallory");

    @BeforeAll
    static void start() throws Exception {
        List<String> shows = FaultEnv.showsOnDistinctPartitions("fuzz", 2, 6);
        s = new Scenario("bad-input", 29692, 6, shows);
        s.ledger(0).awaitHealthy(Duration.ofSeconds(120));
        s.api(0).awaitHealthy(Duration.ofSeconds(120));
        api = s.rest(0);
        show = shows.get(0);
        Stack.createShow("http://localhost:" + s.apiPort(0), show, FaultEnv.hall(4, 20));
    }

    @AfterAll
    static void stop() throws Exception {
        s.close();
    }

    // ---------------------------------------------------------------- REST fuzz

    @Test
    void restGarbageGetsProblemBodiesAndNever5xx() throws Exception {
        List<Rest.Answer> answers = new ArrayList<>();
        String holds = "/api/shows/" + show + "/holds";
        List<String> bodies = new ArrayList<>(List.of("", "{", "null", "[]", "123", "\"seat\"", "{}",
                "{\"seatIds\":\"A-1\"}", "{\"seatIds\":[1,2]}", "{\"seatIds\":[]}", "{\"seatIds\":null}",
                "{\"seatIds\":[\"A-1\"],\"ttlSeconds\":\"x\"}", "{\"seatIds\":[\"A-1\"],\"ttlSeconds\":1e40}",
                "{\"seatIds\":[\"A-1\"],\"ttlSeconds\":-5}", "{\"bestAvailable\":{\"quantity\":\"two\"}}",
                "{\"bestAvailable\":{\"category\":\"STANDARD\",\"quantity\":-1}}",
                "{\"bestAvailable\":{\"category\":\"STANDARD\",\"quantity\":100000}}",
                "{\"seatIds\":[\"A-1\"],\"bestAvailable\":{\"category\":\"STANDARD\",\"quantity\":1}}",
                "{\"seatIds\":[\"\\u0000\\uffff\\ud83d\\udcba\"]}", "{\"seatIds\":[\"A-1\"],\"replacesHoldId\":\"../../x\"}",
                "{\"seatIds\":[\"" + "A".repeat(5_000) + "\"]}", "[".repeat(5_000) + "]".repeat(5_000),
                "{\"seatIds\":[\"A-1\"]," + "\"x\":1,".repeat(2_000) + "\"y\":2}",
                "{\"seatIds\":[\"A-1\"],\"actor\":\"someone-else\",\"roles\":[\"admin\"]}"));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            bodies.add(randomJson(random, 0));
        }
        byte[] noise = new byte[2_000];
        random.nextBytes(noise);
        bodies.add(new String(noise, StandardCharsets.ISO_8859_1));
        for (String body : bodies) {
            answers.add(api.post(holds, USER, null, body));
        }
        answers.add(api.post(holds, USER, null, "{\"seatIds\":[\"A-1\"],\"pad\":\"" + "x".repeat(200_000) + "\"}"));
        answers.add(api.send(holds, USER, b -> b.POST(HttpRequest.BodyPublishers.ofString("seatIds=A-1"))
                .header("Content-Type", "text/plain")));
        answers.add(api.post(holds, USER, "bad key!", "{\"seatIds\":[\"A-2\"]}"));
        answers.add(api.post(holds, USER, "k".repeat(500), "{\"seatIds\":[\"A-2\"]}"));
        for (String id : List.of("%F0%9F%92%BA", "..%2F..%2Fetc%2Fpasswd", "a%00b", "x".repeat(3_000), "%25", "%20",
                "null", "..", "a;b=c")) {
            answers.add(api.get("/api/shows/" + id, USER));
            answers.add(api.get("/api/holds/" + id, USER));
            answers.add(api.post("/api/shows/" + id + "/holds", USER, null, "{\"seatIds\":[\"A-1\"]}"));
            answers.add(api.post("/api/holds/" + id + "/extend", USER, null, "{}"));
            answers.add(api.delete("/api/holds/" + id, USER, null));
        }
        for (String token : List.of("abc", "Bearer", "e30.e30.", forgedNoneToken(),
                Tokens.signed("another-secret-that-is-also-32-bytes-long!", "mallory", Instant.now().plusSeconds(600)),
                Tokens.signed(Tokens.SECRET, "mallory", Instant.now().minusSeconds(600)))) {
            answers.add(api.post(holds, token, null, "{\"seatIds\":[\"A-3\"]}"));
        }
        assertThat(answers).as("fuzzed requests").hasSizeGreaterThan(250).allSatisfy(BadInputIT::isDecisionOrProblem);
        assertThat(answers.stream().filter(a -> a.status() == 413)).as("oversized body").isNotEmpty();
    }

    /** What a detail written for the API's users never contains: Java types, library options, record dumps. */
    static final java.util.regex.Pattern JAVA_ISH = java.util.regex.Pattern.compile(
            "java\\.|jakarta\\.|tools\\.jackson|com\\.seatledger|springframework|Exception|[A-Za-z]+\\[[A-Za-z]+="
                    + "|\\[[^\\]]*\\[|Feature\\.|CoercionConfig|`");

    static void isDecisionOrProblem(Rest.Answer a) {
        assertThat(a.status()).as(a.status() + " " + a.body()).isLessThan(500);
        if (a.status() >= 400) {
            assertThat(a.contentType()).as(a.status() + " " + a.body()).startsWith("application/problem+json");
            assertThat(a.json().has("code")).as(a.body()).isTrue();
            String detail = a.json().path("detail").asString("");
            assertThat(detail).as("detail of " + a.body()).isNotBlank();
            assertThat(JAVA_ISH.matcher(detail).find()).as("detail in the API's words: " + detail).isFalse();
        }
    }

    @Test
    void theWebLayerAnswersWithItsOwnCodes() throws Exception {
        String holds = "/api/shows/" + show + "/holds";
        Rest.Answer unknown = api.get("/api/no-such-thing", null);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().path("code").asString()).isEqualTo("NOT_FOUND");
        Rest.Answer put = api.send("/api/shows/" + show, null, b -> b.PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));
        assertThat(put.status()).as(put.body()).isEqualTo(405);
        assertThat(put.json().path("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        Rest.Answer noType = api.send(holds, USER, b -> b.POST(HttpRequest.BodyPublishers.ofString("{\"seatIds\":[\"A-1\"]}")));
        assertThat(noType.status()).as(noType.body()).isEqualTo(415);
        assertThat(noType.json().path("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        Rest.Answer xml = api.send("/api/shows/" + show, null, b -> b.GET().header("Accept", "application/xml"));
        assertThat(xml.status()).as(xml.body()).isEqualTo(406);
        assertThat(xml.json().path("code").asString()).isEqualTo("NOT_ACCEPTABLE");
        Rest.Answer category = api.post(holds, USER, null,
                "{\"bestAvailable\":{\"category\":\"PLATINUM\",\"quantity\":1}}");
        assertThat(category.json().path("detail").asString()).as(category.body()).contains("PLATINUM")
                .contains("STANDARD");
        Rest.Answer typed = api.post(holds, USER, null, "{\"seatIds\":\"A-1\",\"ttlSeconds\":\"soon\"}");
        assertThat(typed.json().path("detail").asString()).as(typed.body()).startsWith("seatIds: ")
                .contains("array");
        for (Rest.Answer a : List.of(unknown, put, noType, xml, category, typed)) {
            isDecisionOrProblem(a);
        }
    }

    /** A random JSON value shaped roughly like a hold request, with random types everywhere. */
    static String randomJson(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(5) : r.nextInt(8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Integer.toString(r.nextInt());
            case 2 -> Json.MAPPER.writeValueAsString(randomString(r));
            case 3 -> Boolean.toString(r.nextBoolean());
            case 4 -> Double.toString(r.nextGaussian() * 1e12);
            case 5 -> "[" + String.join(",", Stream.generate(() -> randomJson(r, depth + 1)).limit(r.nextInt(4)).toList()) + "]";
            default -> {
                List<String> fields = List.of("seatIds", "bestAvailable", "category", "quantity", "adjacent",
                        "ttlSeconds", "replacesHoldId", randomString(r));
                List<String> members = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    members.add(Json.MAPPER.writeValueAsString(fields.get(r.nextInt(fields.size()))) + ":"
                            + randomJson(r, depth + 1));
                }
                yield "{" + String.join(",", members) + "}";
            }
        };
    }

    static String randomString(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            b.appendCodePoint(r.nextInt(4) == 0 ? r.nextInt(0x1F600) : 'A' + r.nextInt(26));
        }
        return b.toString();
    }

    static String forgedNoneToken() {
        java.util.Base64.Encoder e = java.util.Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString("{\"sub\":\"mallory\",\"roles\":[\"admin\"]}".getBytes(StandardCharsets.UTF_8)) + ".";
    }

    // ---------------------------------------------------------------- seat-commands fuzz

    @Test
    void garbageOnTheCommandTopicIsDeadLetteredAndValidCommandsAroundItAreDecided() throws Exception {
        String other = s.load.shows().get(1);
        Random random = new Random(5);
        List<byte[]> poison = new ArrayList<>();
        byte[] noise = new byte[300];
        random.nextBytes(noise);
        poison.add(noise);
        poison.add("not json at all".getBytes(StandardCharsets.UTF_8));
        poison.add("[1,2,3]".getBytes(StandardCharsets.UTF_8));
        poison.add(("{\"type\":\"FLY_ME_TO_THE_MOON\",\"commandId\":\"poison-typed\",\"showId\":\"" + show + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        poison.add("{\"commandId\":\"poison-untyped\"".getBytes(StandardCharsets.UTF_8));
        poison.add(new byte[] { (byte) 0xC3, (byte) 0x28, '{', '}' });
        List<String> invalid = List.of(
                "{\"type\":\"HOLD\",\"commandId\":\"invalid-missing\",\"showId\":\"" + show + "\",\"actor\":\"mallory\"}",
                "{\"type\":\"HOLD\",\"commandId\":\"invalid-typed\",\"showId\":\"" + show + "\",\"actor\":\"mallory\","
                        + "\"holdId\":\"h-x\",\"seatIds\":\"A-1\",\"issuedAt\":\"yesterday\"}",
                "{\"type\":\"CANCEL_ORDER\",\"commandId\":\"invalid-id ! \",\"showId\":\"" + show + "\"}");
        List<String> valid = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.loader(s.stack.bootstrap())) {
            int v = 0;
            for (int round = 0; round < 5; round++) {
                for (byte[] p : poison) {
                    producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), show, p));
                    valid.add(sendValid(producer, "valid-" + round + "-" + v++));
                }
                for (String json : invalid) {
                    producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), show,
                            json.replace("invalid-", "invalid-" + round + "-").getBytes(StandardCharsets.UTF_8)));
                    valid.add(sendValid(producer, "valid-" + round + "-" + v++));
                }
                // a command keyed by another show would break per-show ordering
                HoldSeats misrouted = hold("misrouted-" + round, "A-20");
                producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), other, Json.MAPPER.writeValueAsBytes(misrouted)));
                producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), show, null));
            }
        }
        await("every valid command decided").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> valid.stream().allMatch(id -> s.audit.catchUp().resultsById.containsKey(id)));
        await("every bad record dead-lettered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> s.audit.catchUp().deadLetters.size() >= 5 * (poison.size() + 1));
        synchronized (s.audit) {
            assertThat(s.audit.deadLetters).hasSize(5 * (poison.size() + 1)).allSatisfy(r -> {
                assertThat(r.headers().lastHeader(Topics.DlqHeaders.ERROR)).isNotNull();
                assertThat(r.key()).isEqualTo(show);
            });
            for (int round = 0; round < 5; round++) {
                assertThat(first("poison-typed")).as("a readable id gets a result too").extracting(CommandResult::code)
                        .isEqualTo(ResultCode.INVALID_COMMAND);
                for (String id : List.of("invalid-" + round + "-missing", "invalid-" + round + "-typed",
                        "misrouted-" + round)) {
                    assertThat(first(id).code()).as(id).isEqualTo(ResultCode.INVALID_COMMAND);
                }
            }
            assertThat(valid).allSatisfy(id -> assertThat(first(id).code()).as(id)
                    .isIn(ResultCode.OK, ResultCode.SEAT_UNAVAILABLE, ResultCode.HOLDER_LIMIT));
        }
        // no stall: a command sent after all that is decided at once
        String after = sendValidNow("valid-after");
        await("decided after the garbage").atMost(Duration.ofSeconds(5))
                .until(() -> s.audit.catchUp().resultsById.containsKey(after));
    }

    private CommandResult first(String commandId) {
        List<CommandResult> rs = s.audit.resultsById.get(commandId);
        assertThat(rs).as("results of " + commandId).isNotNull();
        return rs.get(0);
    }

    private int seat;

    private String sendValid(KafkaProducer<String, byte[]> producer, String id) {
        String seatId = (char) ('A' + (seat / 19) % 4) + "-" + (1 + seat % 19);
        seat++;
        producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), show, Json.MAPPER.writeValueAsBytes(hold(id, seatId))));
        return id;
    }

    private String sendValidNow(String id) {
        try (KafkaProducer<String, byte[]> producer = KafkaClients.loader(s.stack.bootstrap())) {
            return sendValid(producer, id);
        }
    }

    private HoldSeats hold(String id, String seatId) {
        return new HoldSeats(id, show, "kafka-buyer-" + id, List.of(), Instant.now(), "h-" + id, List.of(seatId), null,
                30, null);
    }

    // ---------------------------------------------------------------- security

    @Test
    void nobodyButTheHolderTouchesAHoldAndOnlyAdminsRunTheBoxOffice() throws Exception {
        String alice = Tokens.token("alice");
        String bob = Tokens.token("bob");
        Rest.Answer held = api.post("/api/shows/" + show + "/holds", alice, "sec-1", "{\"seatIds\":[\"D-1\",\"D-2\"]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String holdId = held.json().get("holdId").asString();
        String h = "/api/holds/" + holdId;

        List<Rest.Answer> bobs = List.of(api.get(h, bob), api.post(h + "/extend", bob, "b1", "{}"),
                api.delete(h, bob, "b2"), api.post(h + "/confirm", bob, "b3", "{\"orderId\":\"o-bob\"}"),
                api.get(h + "/events?access_token=" + bob, null));
        assertThat(bobs).allSatisfy(a -> {
            isDecisionOrProblem(a);
            assertThat(a.status()).as(a.body()).isIn(403, 404);
        });
        assertThat(api.get(h, alice).json().get("status").asString()).as("still alice's").isEqualTo("ACTIVE");
        assertThat(api.get("/api/shows/" + show + "/holds", bob).json().size()).isZero();

        String base = "/api/shows/" + show;
        List<Rest.Answer> boxOffice = List.of(
                api.post("/api/shows", bob, "b4", "{\"showId\":\"bobs-show\",\"name\":\"x\",\"seats\":[{\"seatId\":\"A-1\","
                        + "\"section\":\"S\",\"row\":\"A\",\"number\":1,\"category\":\"C\"}]}"),
                api.post(base + "/sales", bob, "b5", "{\"seatIds\":[\"C-1\"],\"orderId\":\"o-b\"}"),
                api.post(base + "/orders/o-any/cancel", bob, "b6", null),
                api.post(base + "/blocks", bob, "b7", "{\"seatIds\":[\"C-2\"]}"),
                api.post(base + "/unblocks", bob, "b8", "{\"seatIds\":[\"C-2\"]}"));
        assertThat(boxOffice).allSatisfy(a -> {
            isDecisionOrProblem(a);
            assertThat(a.status()).as(a.body()).isEqualTo(403);
            assertThat(a.json().get("code").asString()).isEqualTo("FORBIDDEN");
        });

        for (String token : List.of(Tokens.signed("another-secret-that-is-also-32-bytes-long!", "alice",
                Instant.now().plusSeconds(600)), Tokens.signed(Tokens.SECRET, "alice", Instant.now().minusSeconds(600)))) {
            Rest.Answer a = api.get(h, token);
            isDecisionOrProblem(a);
            assertThat(a.status()).isEqualTo(401);
        }
    }

    @Test
    void thePublicSeatMapStreamNeverNamesHoldsBuyersOrOrders() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        var stream = Stack.HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + s.apiPort(0)
                + "/api/shows/" + show + "/events")).build(), HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(lines::add));
        await("snapshot").atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith("event:")));
        String carol = Tokens.token("carol-the-buyer");
        Rest.Answer held = api.post("/api/shows/" + show + "/holds", carol, "pub-1", "{\"seatIds\":[\"D-10\"]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String holdId = held.json().get("holdId").asString();
        assertThat(api.post("/api/holds/" + holdId + "/confirm", carol, "pub-2", "{\"orderId\":\"order-carol-42\"}")
                .status()).isEqualTo(200);
        await("the sale on the stream").atMost(Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("SOLD")));
        stream.cancel(true);
        assertThat(String.join("\n", lines)).doesNotContain(holdId, "carol-the-buyer", "order-carol-42", "\"holdId\"",
                "\"actor\"", "\"orderId\"");
    }

}
