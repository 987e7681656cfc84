package com.seatledger.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.json.CommandCodec;
import com.seatledger.topics.json.CommandCodec.Invalid;
import com.seatledger.topics.json.CommandCodec.Parsed;
import com.seatledger.topics.json.CommandCodec.Poison;
import com.seatledger.topics.json.CommandCodec.Valid;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.json.JsonSerde;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.CommandType;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.ShowEvent;

class CommandCodecTest {

    private static Parsed parse(String json) {
        return CommandCodec.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String HOLD = "{\"commandId\":\"c-1\",\"type\":\"HOLD\",\"showId\":\"s1\",\"actor\":\"alice\","
            + "\"roles\":[\"user\"],\"issuedAt\":\"2026-11-21T10:00:00Z\",\"holdId\":\"h-1\",\"seatIds\":[\"A-1\"]";

    @Test
    void everySampleRoundTripsThroughTheCodec() {
        for (Command c : Samples.commands()) {
            Parsed p = CommandCodec.parse(Json.MAPPER.writeValueAsBytes(c));
            assertThat(p).isEqualTo(new Valid(c));
        }
    }

    @Test
    void resultsAndEventsRoundTripThroughTheSerde() {
        JsonSerde<CommandResult> results = JsonSerde.of(CommandResult.class);
        for (CommandResult r : Samples.results()) {
            assertThat(results.deserialize("t", results.serialize("t", r))).isEqualTo(r);
        }
        JsonSerde<ShowEvent> events = JsonSerde.of(ShowEvent.class);
        for (ShowEvent e : Samples.events()) {
            assertThat(events.deserialize("t", events.serialize("t", e))).isEqualTo(e);
        }
    }

    @Test
    void writesTheTypeOnceAndIsoTimestamps() {
        String json = Json.MAPPER.writeValueAsString(Samples.commands().get(1));
        assertThat(json).containsOnlyOnce("\"type\"").contains("\"type\":\"HOLD\"")
                .contains("\"issuedAt\":\"2026-11-21T10:00:00Z\"");
    }

    @Test
    void unknownMembersAreIgnored() {
        assertThat(parse(HOLD + ",\"clientVersion\":{\"x\":1}}")).isInstanceOf(Valid.class);
    }

    @Test
    void notJsonIsPoison() {
        assertThat(parse("{not json")).isInstanceOf(Poison.class);
        assertThat(parse("[1,2]")).isInstanceOf(Poison.class);
        assertThat(CommandCodec.parse(new byte[] {(byte) 0xff, 0x00, 0x13})).isInstanceOf(Poison.class);
    }

    @Test
    void unknownTypeIsPoisonButKeepsTheIdsItCouldRead() {
        Parsed p = parse("{\"commandId\":\"c-9\",\"showId\":\"s1\",\"type\":\"TELEPORT\"}");
        assertThat(p).isInstanceOfSatisfying(Poison.class, poison -> {
            assertThat(poison.commandId()).isEqualTo("c-9");
            assertThat(poison.showId()).isEqualTo("s1");
        });
        assertThat(parse("{\"commandId\":\"c-9\"}")).isInstanceOf(Poison.class);
    }

    @Test
    void wrongTypesAreInvalidAndNameTheField() {
        assertInvalid(HOLD + ",\"ttlSeconds\":\"60\"}", "ttlSeconds");
        assertInvalid(HOLD + ",\"ttlSeconds\":60.5}", "ttlSeconds");
        assertInvalid(HOLD.replace("[\"A-1\"]", "[7]") + "}", "seatIds[0]");
        assertInvalid(HOLD.replace("\"seatIds\":[\"A-1\"]", "\"bestAvailable\":{\"category\":\"X\",\"quantity\":2,"
                + "\"adjacent\":\"yes\"}") + "}", "bestAvailable.adjacent");
        assertInvalid(HOLD.replace("2026-11-21T10:00:00Z", "yesterday") + "}", "issuedAt");
    }

    @Test
    void missingOrMalformedFieldsAreInvalid() {
        assertInvalid(HOLD.replace("\"holdId\":\"h-1\",", "") + "}", "holdId");
        assertInvalid(HOLD.replace("\"h-1\"", "\"h 1\"") + "}", "holdId");
        assertInvalid(HOLD.replace("[\"A-1\"]", "[]") + "}", "seatIds");
        assertInvalid(HOLD.replace("[\"A-1\"]", "[\"A-1\",\"A-1\"]") + "}", "seatIds[1]");
        assertInvalid(HOLD + ",\"bestAvailable\":{\"category\":\"X\",\"quantity\":1}}", "seatIds");
        assertInvalid(HOLD.replace("\"actor\":\"alice\",", "") + "}", "actor");
        assertInvalid(HOLD.replace("\"c-1\"", "\"" + "c".repeat(65) + "\"") + "}", "commandId");
    }

    private static void assertInvalid(String json, String field) {
        Parsed p = parse(json);
        assertThat(p).as(json).isInstanceOfSatisfying(Invalid.class, i -> {
            assertThat(i.message()).startsWith(field + ":");
            assertThat(i.type()).isEqualTo(CommandType.HOLD);
        });
    }

    @Test
    void adminIsARole() {
        HoldSeats h = (HoldSeats) Samples.commands().get(1);
        assertThat(h.isAdmin()).isFalse();
        assertThat(Samples.commands().get(0).isAdmin()).isTrue();
    }
}
