package com.seatledger.topics.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.seatledger.topics.Samples;
import com.seatledger.topics.TopicSpec;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI description of the topics is a valid AsyncAPI 3.0 document, describes every topic
 * with its key, configs and message schema, and the checked-in {@code topics/asyncapi.yaml} is
 * exactly what the code generates (rewrite it with
 * {@code mvn -pl topics test -Dtest=AsyncApiTest -Dasyncapi.write=true}).
 */
class AsyncApiTest {

    static final Path CHECKED_IN = Path.of("asyncapi.yaml");
    private static final JsonSchemaFactory DRAFT7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    static JsonNode document() {
        return YAMLMapper.builder().build().readTree(AsyncApi.yaml());
    }

    @Test
    void theDocumentIsAValidAsyncApi3Document() {
        JsonSchema asyncapi = DRAFT7.getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"));
        assertThat(asyncapi.validate(AsyncApi.yaml(), InputFormat.YAML)).isEmpty();
        assertThat(asyncapi.validate("asyncapi: 3.0.0\ninfo: {title: x}\nchannels: {a: {address: 7}}\n", InputFormat.YAML))
                .as("the schema does reject a broken document").isNotEmpty();
    }

    @Test
    void theCheckedInCopyIsWhatTheCodeGenerates() throws IOException {
        assertThat(Files.readString(CHECKED_IN)).as("topics/asyncapi.yaml: rewrite it with -Dasyncapi.write=true")
                .isEqualTo(AsyncApi.yaml());
    }

    @Test
    void everyTopicIsAChannelWithItsKeyConfigsAndMessage() {
        JsonNode doc = document();
        assertThat(doc.path("info").path("version").asString()).isEqualTo(AsyncApi.version()).isNotBlank();
        for (TopicSpec topic : Topics.ALL) {
            JsonNode channel = doc.path("channels").path(topic.name());
            assertThat(channel.path("address").asString()).as(topic.name()).isEqualTo(topic.name());
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("partitions").asInt()).isEqualTo(Topics.DEFAULT_PARTITIONS);
            assertThat(kafka.path("topicConfiguration").path("cleanup.policy").get(0).asString())
                    .isEqualTo(topic.configs().get("cleanup.policy"));
            String message = channel.path("messages").properties().iterator().next().getKey();
            JsonNode m = doc.path("components").path("messages").path(message);
            assertThat(m.path("bindings").path("kafka").path("key").path("description").asString()).contains("showId");
            assertThat(m.path("payload").isObject()).isTrue();
            assertThat(doc.path("operations").valueStream().filter(o -> o.path("channel").path("$ref").asString()
                    .equals("#/channels/" + topic.name()))).as("who writes and reads " + topic.name()).hasSizeGreaterThan(1);
        }
        assertThat(doc.path("channels").size()).isEqualTo(Topics.ALL.size());
        assertThat(doc.path("channels").path("seat-status").path("bindings").path("kafka").path("topicConfiguration")
                .path("retention.ms").asLong()).isEqualTo(-1);
        assertThat(doc.path("operations").path("ledgerDecidesCommands").path("bindings").path("kafka").path("groupId")
                .path("enum").get(0).asString()).isEqualTo(AsyncApi.LEDGER_GROUP);
    }

    /** The schemas inside the document accept one message of every kind, as the checked-in files do. */
    @Test
    void theMessageSchemasInTheDocumentAcceptEveryKindOfMessage() {
        JsonNode components = document().path("components");
        Map<String, List<?>> samples = Map.of("Command", Samples.commands(), "CommandResult", Samples.results(),
                "ShowEvent", Samples.events(), "ShowSnapshot", Samples.snapshots());
        samples.forEach((schema, messages) -> {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("$ref", "#/components/schemas/" + schema);
            root.set("components", components);
            JsonSchema s = DRAFT7.getSchema(Json.MAPPER.writeValueAsString(root));
            for (Object message : messages) {
                String json = Json.MAPPER.writeValueAsString(message);
                assertThat(s.validate(json, InputFormat.JSON)).as(json).isEmpty();
            }
            assertThat(s.validate("{\"seq\":\"x\"}", InputFormat.JSON)).as(schema + " rejects garbage").isNotEmpty();
        });
    }

    @Test
    @EnabledIfSystemProperty(named = "asyncapi.write", matches = "true")
    void write() throws IOException {
        Files.writeString(CHECKED_IN, AsyncApi.yaml());
    }
}
