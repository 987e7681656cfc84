package com.seatledger.topics.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.message.Command;

import tools.jackson.core.JacksonException;

/** The streaming reader answers exactly as the mapper binds, or steps aside (null). */
class FastCommandsTest {

    private static final String BASE = "\"commandId\":\"c-1\",\"showId\":\"s1\",\"actor\":\"alice\",\"roles\":[\"user\"],"
            + "\"issuedAt\":\"2026-11-21T10:00:00Z\"";

    /** the mapper's answer, or null when it refuses the bytes */
    private static Command mapper(String json) {
        try {
            return Json.MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), Command.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Command fast(String json) {
        return FastCommands.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sameOrStepsAside(String json) {
        Command f = fast(json);
        if (f != null) {
            assertThat(f).as(json).isEqualTo(mapper(json));
        }
    }

    @Test
    void readsTheHotPathCommandsExactlyAsTheMapperDoes() {
        List<String> hot = List.of(
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-1\",\"seatIds\":[\"A-1\",\"A-2\"],\"ttlSeconds\":120}",
                "{" + BASE + ",\"type\":\"HOLD\",\"holdId\":\"h-2\",\"bestAvailable\":{\"category\":\"STALLS\",\"quantity\":2,"
                        + "\"adjacent\":false},\"replacesHoldId\":\"h-1\"}",
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-3\",\"seatIds\":[],\"areas\":[{\"areaId\":\"FLOOR\",\"quantity\":2}]}",
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-3\",\"seatIds\":null,\"bestAvailable\":null,\"ttlSeconds\":null}",
                "{\"type\":\"EXTEND_HOLD\"," + BASE + ",\"holdId\":\"h-2\",\"ttlSeconds\":300}",
                "{\"type\":\"EXTEND_HOLD\"," + BASE + ",\"holdId\":\"h-2\"}",
                "{\"type\":\"RELEASE_HOLD\"," + BASE + ",\"holdId\":\"h-2\"}",
                "{\"type\":\"CONFIRM_HOLD\"," + BASE + ",\"holdId\":\"h-2\",\"orderId\":\"o-1\"}",
                "{\"type\":\"CONFIRM_HOLD\",\"commandId\":\"c-9\",\"showId\":\"s1\",\"holdId\":\"h-2\",\"orderId\":\"o-1\","
                        + "\"issuedAt\":\"2026-11-21T10:00:00.123456789Z\",\"future\":{\"a\":[1,{\"b\":2}]},\"x\":3}",
                " {\"type\":\"RELEASE_HOLD\",\"commandId\":\"c\\u0041\",\"showId\":\"s1\",\"holdId\":\"h\"} ");
        for (String json : hot) {
            assertThat(fast(json)).as(json).isNotNull().isEqualTo(mapper(json));
        }
        for (Command c : com.seatledger.topics.Samples.commands()) {
            String json = new String(Json.MAPPER.writeValueAsBytes(c), StandardCharsets.UTF_8);
            sameOrStepsAside(json);
            assertThat(CommandCodec.parse(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(new CommandCodec.Valid(c));
        }
    }

    @Test
    void stepsAsideForWhatTheMapperMustJudge() {
        List<String> odd = List.of(
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-1\",\"ttlSeconds\":\"120\"}",
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-1\",\"ttlSeconds\":12.5}",
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-1\",\"ttlSeconds\":99999999999}",
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-1\",\"seatIds\":[\"A-1\",null]}",
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-1\",\"seatIds\":\"A-1\"}",
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":\"h-1\",\"holdId\":\"h-2\"}",
                "{\"type\":\"HOLD\"," + BASE + ",\"holdId\":5}",
                "{\"type\":\"HOLD\"," + BASE + ",\"orderId\":\"o-1\"}",
                "{\"type\":\"HOLD\"," + BASE + ",\"bestAvailable\":{\"category\":\"A\",\"quantity\":1,\"adjacent\":\"yes\"}}",
                "{\"type\":\"HOLD\"," + BASE + ",\"bestAvailable\":{\"category\":\"A\",\"extra\":1}}",
                "{\"type\":\"EXTEND_HOLD\",\"commandId\":\"c\",\"issuedAt\":\"2026-11-21T11:00:00+01:00\"}",
                "{\"type\":\"EXTEND_HOLD\",\"commandId\":\"c\",\"issuedAt\":\"yesterday\"}",
                "{\"type\":\"EXTEND_HOLD\",\"commandId\":\"c\",\"issuedAt\":1700000000}",
                "{\"type\":\"SELL\"," + BASE + ",\"seatIds\":[\"A-1\"],\"orderId\":\"o\"}",
                "{\"type\":\"NOPE\"," + BASE + "}",
                "{" + BASE + "}",
                "{\"type\":\"RELEASE_HOLD\"," + BASE + ",\"holdId\":\"h\"} {}",
                "{\"type\":\"RELEASE_HOLD\"," + BASE + ",\"holdId\":\"h\"",
                "[]", "null", "\"HOLD\"", "");
        for (String json : odd) {
            assertThat(fast(json)).as(json).isNull();
        }
    }

    /** Random mutations of good commands: whatever the reader accepts, the mapper binds the same. */
    @Test
    void neverDisagreesWithTheMapperOnMutatedInput() {
        Random random = new Random(42);
        List<String> seeds = new ArrayList<>();
        for (Command c : com.seatledger.topics.Samples.commands()) {
            seeds.add(new String(Json.MAPPER.writeValueAsBytes(c), StandardCharsets.UTF_8));
        }
        String alphabet = "{}[]\":,0123456789.-eE nultrfasHOLDX\\";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && !s.isEmpty(); e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            sameOrStepsAside(s.toString());
        }
    }
}
