package com.seatledger.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ShowEvent;
import com.seatledger.topics.message.ShowSnapshot;

import tools.jackson.databind.JsonNode;

/**
 * What a release wrote on a topic, every later release reads: one JSON message of every type on
 * every JSON topic, as release 0.1.0 wrote them, under {@code golden/messages-0.1.0/<topic>/}.
 * Each must still match the topic's checked-in JSON Schema (so no member was retyped or became
 * required), still read as the contract's record, and come back from it with every member it had
 * (so no member was removed); members may only be added, optional.
 *
 * <p>Written once with {@code mvn -pl topics test -Dtest=GoldenMessagesTest -Dgolden.write=true} when
 * 0.1.0 was made; never rewritten. A later release adds its own directory beside it.
 */
class GoldenMessagesTest {

    static final String RELEASE = "golden/messages-0.1.0";

    /** Topic, schema and record of each JSON topic (seat-commands-dlq carries the original bytes). */
    private record Kind(String topic, String schema, Class<?> type, List<?> samples) {
    }

    private static List<Kind> kinds() {
        return List.of(new Kind(Topics.COMMANDS.name(), "command.schema.json", Command.class, Samples.commands()),
                new Kind(Topics.COMMAND_RESULTS.name(), "command-result.schema.json", CommandResult.class,
                        Samples.results()),
                new Kind(Topics.SEAT_STATUS.name(), "show-event.schema.json", ShowEvent.class, Samples.events()),
                new Kind(Topics.SNAPSHOTS.name(), "show-snapshot.schema.json", ShowSnapshot.class,
                        Samples.snapshots()));
    }

    @Test
    void everyMessageOfTheReleaseStillMatchesItsSchemaAndReadsBackWhole() throws Exception {
        Path root = Path.of(GoldenMessagesTest.class.getClassLoader().getResource(RELEASE).toURI());
        for (Kind kind : kinds()) {
            List<Path> files = files(root.resolve(kind.topic()));
            assertThat(files).as(kind.topic()).isNotEmpty();
            for (Path file : files) {
                String json = Files.readString(file);
                assertThat(SchemaTest.validate(kind.schema(), json)).as(file.toString()).isEmpty();
                JsonNode golden = Json.MAPPER.readTree(json);
                JsonNode again = Json.MAPPER.valueToTree(Json.MAPPER.readValue(json, kind.type()));
                assertContains(file.getFileName().toString(), again, golden);
            }
        }
    }

    @Test
    void everyCommandTypeAndEventCauseHasAGoldenMessage() throws URISyntaxException, IOException {
        Path root = Path.of(GoldenMessagesTest.class.getClassLoader().getResource(RELEASE).toURI());
        List<String> types = new ArrayList<>();
        for (Path f : files(root.resolve(Topics.COMMANDS.name()))) {
            types.add(Json.MAPPER.readTree(Files.readString(f)).get("type").asString());
        }
        assertThat(types).as("0.1.0's command types").contains("CREATE_SHOW", "HOLD", "EXTEND_HOLD", "RELEASE_HOLD",
                "CONFIRM_HOLD", "SELL", "CANCEL_ORDER", "BLOCK", "UNBLOCK", "ARCHIVE_SHOW");
    }

    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "true")
    void write() throws IOException {
        for (Kind kind : kinds()) {
            Path dir = Path.of("src/test/resources", RELEASE, kind.topic());
            Files.createDirectories(dir);
            int n = 0;
            for (Object sample : kind.samples()) {
                JsonNode node = Json.MAPPER.valueToTree(sample);
                String name = node.has("type") ? node.get("type").asString()
                        : node.has("cause") ? node.get("cause").asString() : node.has("outcome")
                                ? node.get("code").asString() : "snapshot";
                Files.writeString(dir.resolve(String.format("%02d-%s.json", ++n, name.toLowerCase())),
                        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sample) + "\n");
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every member of {@code golden} is in {@code actual} with the same value (arrays element by element). */
    private static void assertContains(String where, JsonNode actual, JsonNode golden) {
        if (golden.isObject()) {
            assertThat(actual.isObject()).as(where).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = golden.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getValue().isNull()) {
                    continue; // null members may be omitted
                }
                assertThat(actual.has(member.getKey())).as(where + "." + member.getKey() + " is still there").isTrue();
                assertContains(where + "." + member.getKey(), actual.get(member.getKey()), member.getValue());
            }
        } else if (golden.isArray()) {
            assertThat(actual.size()).as(where).isEqualTo(golden.size());
            for (int i = 0; i < golden.size(); i++) {
                assertContains(where + "[" + i + "]", actual.get(i), golden.get(i));
            }
        } else if (golden.isNumber()) {
            assertThat(actual.isNumber()).as(where).isTrue();
            assertThat(actual.decimalValue()).as(where).isEqualByComparingTo(golden.decimalValue());
        } else {
            assertThat(actual).as(where).isEqualTo(golden);
        }
    }
}
