package com.seatledger.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.CommandType;

/** The checked-in schemas describe what the records really write, and reject what they must. */
class SchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://seatledger.example/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static JsonSchema schema(String name) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:schemas/" + name), CONFIG);
    }

    static Set<ValidationMessage> validate(String schema, String json) {
        return schema(schema).validate(json, InputFormat.JSON);
    }

    private static void assertAllValid(String schema, List<?> samples) {
        for (Object sample : samples) {
            String json = Json.MAPPER.writeValueAsString(sample);
            assertThat(validate(schema, json)).as(json).isEmpty();
        }
    }

    @Test
    void everyCommandTypeMatchesTheCommandSchema() {
        assertThat(Samples.commands()).extracting(c -> c.type()).containsAll(EnumSet.allOf(CommandType.class));
        assertAllValid("command.schema.json", Samples.commands());
    }

    @Test
    void resultsMatchTheResultSchema() {
        assertAllValid("command-result.schema.json", Samples.results());
    }

    @Test
    void eventsMatchTheEventSchema() {
        assertAllValid("show-event.schema.json", Samples.events());
    }

    @Test
    void snapshotsMatchTheSnapshotSchema() {
        assertAllValid("show-snapshot.schema.json", Samples.snapshots());
        assertThat(validate("show-snapshot.schema.json", "{\"showId\":\"s\",\"seq\":1}")).isNotEmpty();
    }

    @Test
    void schemasRejectBrokenMessages() {
        assertThat(validate("command.schema.json",
                "{\"commandId\":\"c\",\"type\":\"HOLD\",\"showId\":\"s\",\"actor\":\"a\",\"holdId\":\"h\","
                        + "\"seatIds\":[\"A-1\"],\"ttlSeconds\":\"60\"}")).isNotEmpty();
        assertThat(validate("command.schema.json",
                "{\"commandId\":\"c\",\"type\":\"HOLD\",\"showId\":\"s\",\"actor\":\"a\",\"holdId\":\"h\"}"))
                .as("a HOLD needs seatIds or bestAvailable").isNotEmpty();
        assertThat(validate("command.schema.json",
                "{\"commandId\":\"bad id!\",\"type\":\"SELL\",\"showId\":\"s\",\"actor\":\"a\","
                        + "\"seatIds\":[\"A-1\"],\"orderId\":\"o\"}")).isNotEmpty();
        assertThat(validate("show-event.schema.json",
                "{\"showId\":\"s\",\"seq\":2,\"at\":\"2026-11-21T10:00:00Z\",\"cause\":\"EXPIRE\",\"actor\":\"bob\","
                        + "\"hold\":{\"holdId\":\"h\",\"actor\":\"bob\",\"seatIds\":[\"A\"],\"createdAt\":"
                        + "\"2026-11-21T10:00:00Z\",\"expiresAt\":\"2026-11-21T10:00:00Z\",\"status\":\"EXPIRED\"},"
                        + "\"seats\":[],\"availability\":{}}")).as("EXPIRE has no actor").isNotEmpty();
        assertThat(validate("command-result.schema.json",
                "{\"outcome\":\"ACCEPTED\",\"code\":\"OK\",\"duplicate\":false,\"seatErrors\":[]}"))
                .as("an accepted result carries its event's seq").isNotEmpty();
    }

    @Test
    void unknownMembersAreTolerated() {
        assertThat(validate("command.schema.json",
                "{\"commandId\":\"c\",\"type\":\"RELEASE_HOLD\",\"showId\":\"s\",\"actor\":\"a\",\"holdId\":\"h\","
                        + "\"clientVersion\":7}")).isEmpty();
    }
}
