package com.seatledger.topics.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.TopicConfig;

import com.seatledger.topics.TopicSpec;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The AsyncAPI 3.0 description of the topics, made from the contract itself: the topic names and
 * configs of {@link Topics}, the JSON Schemas of the messages (inlined as components), the key,
 * which application sends and which receives each topic, and the consumer groups. The api-app serves
 * it at {@code GET /asyncapi.yaml}; {@code topics/asyncapi.yaml} is a checked-in copy that a test
 * holds equal to it, so the document cannot drift from the code.
 */
public final class AsyncApi {

    /** The Kafka bindings' version these bindings follow. */
    private static final String BINDINGS = "0.5.0";
    /** The ledger's consumer group: its Kafka Streams {@code application.id}. */
    public static final String LEDGER_GROUP = "seat-ledger";
    /** The consumer group of the example downstream service (examples/orders-service). */
    public static final String ORDERS_SERVICE_GROUP = "orders-service";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    /** One topic's row of the document: its channel id, message and what it is for. */
    private record Channel(TopicSpec topic, String message, String title, String description) {
    }

    /** Who sends or receives a topic, and how. */
    private record Operation(String id, String action, TopicSpec topic, String title, String description,
            String groupId) {
    }

    private AsyncApi() {
    }

    /** The document as YAML. */
    public static String yaml() {
        return YAML.writeValueAsString(document());
    }

    /** The version of the contract (the topics jar's release). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = AsyncApi.class.getResourceAsStream("/seatledger-topics.properties")) {
            if (in == null) {
                throw new IllegalStateException("seatledger-topics.properties is missing from the topics jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    static ObjectNode document() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Seat Ledger topics");
        info.put("version", version());
        info.put("description", """
                The Kafka topics of Seat Ledger, a seat inventory ledger for ticketing: commands in, one \
                decision per command out, every change of every show in order on seat-status (the audit \
                history), compacted per-show snapshots, and a dead-letter topic. Every topic is keyed by \
                showId and has the same partition count (default %d, SEATLEDGER_PARTITIONS), so one show's \
                commands, results and events share a partition number and are decided and published in \
                order. The ledger writes with exactly-once semantics: read its topics read_committed. \
                Messages are JSON (UTF-8, timestamps ISO-8601 UTC); they only ever gain optional members, so \
                consumers must ignore members they do not know.""".formatted(Topics.DEFAULT_PARTITIONS));
        doc.put("defaultContentType", "application/json");
        ObjectNode server = doc.putObject("servers").putObject("local");
        server.put("host", "localhost:9092");
        server.put("protocol", "kafka");
        server.put("description", "The single-node KRaft broker that bin/seat-ledger starts; the apps take another "
                + "cluster from KAFKA_BOOTSTRAP_SERVERS.");

        ObjectNode channels = doc.putObject("channels");
        for (Channel c : channels()) {
            ObjectNode ch = channels.putObject(c.topic().name());
            ch.put("address", c.topic().name());
            ch.put("title", c.title());
            ch.put("description", c.description());
            ch.putObject("messages").putObject(c.message()).put("$ref", "#/components/messages/" + c.message());
            ObjectNode kafka = ch.putObject("bindings").putObject("kafka");
            kafka.put("topic", c.topic().name());
            kafka.put("partitions", Topics.DEFAULT_PARTITIONS);
            kafka.set("topicConfiguration", topicConfiguration(c.topic()));
            kafka.put("bindingVersion", BINDINGS);
        }

        ObjectNode operations = doc.putObject("operations");
        for (Operation o : operations()) {
            Channel c = channels().stream().filter(x -> x.topic() == o.topic()).findFirst().orElseThrow();
            ObjectNode op = operations.putObject(o.id());
            op.put("action", o.action());
            op.putObject("channel").put("$ref", "#/channels/" + o.topic().name());
            op.put("title", o.title());
            op.put("description", o.description());
            op.putArray("messages").addObject().put("$ref", "#/channels/" + o.topic().name() + "/messages/" + c.message());
            if (o.groupId() != null) {
                ObjectNode kafka = op.putObject("bindings").putObject("kafka");
                ObjectNode group = kafka.putObject("groupId");
                group.put("type", "string");
                group.putArray("enum").add(o.groupId());
                kafka.put("bindingVersion", BINDINGS);
            }
        }

        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        message(messages, "command", "Command", "A request to change seats, keyed by its showId.", "Command");
        message(messages, "commandResult", "CommandResult", "The ledger's decision on one command.", "CommandResult");
        message(messages, "showEvent", "ShowEvent", "One change of a show; seq is gapless per show.", "ShowEvent");
        message(messages, "showSnapshot", "ShowSnapshot", "A show's whole state at seq; a null value (tombstone) "
                + "when the show was archived.", "ShowSnapshot");
        deadLetter(messages.putObject("deadLetter"));
        components.set("schemas", schemas());
        return doc;
    }

    private static List<Channel> channels() {
        return List.of(
                new Channel(Topics.COMMANDS, "command", "Commands",
                        "CREATE_SHOW, HOLD, EXTEND_HOLD, RELEASE_HOLD, CONFIRM_HOLD, SELL, CANCEL_ORDER, BLOCK, UNBLOCK, "
                                + "ARCHIVE_SHOW and ASSIGN_CHANNEL, from the api-app or any authorised producer. commandId "
                                + "is the idempotency key (24 hours); the record key must be the showId."),
                new Channel(Topics.COMMAND_RESULTS, "commandResult", "Decisions",
                        "Exactly one CommandResult per command record (a repeated command's result again, "
                                + "duplicate: true). The request's headers are echoed (request/reply correlation)."),
                new Channel(Topics.SEAT_STATUS, "showEvent", "Seat changes",
                        "Every change of every show, in order: seq starts at 1 with CREATE and grows by exactly 1. "
                                + "Kept forever: the audit history. Downstream services consume it."),
                new Channel(Topics.SNAPSHOTS, "showSnapshot", "Show snapshots",
                        "Compacted: the latest whole state per show, so a reader need not replay all of seat-status "
                                + "(start from the snapshots, then seat-status from their coveredUntil)."),
                new Channel(Topics.COMMANDS_DLQ, "deadLetter", "Dead letters",
                        "Command records the ledger could not read (not JSON, an unknown type), with their original "
                                + "key and bytes and headers naming the error."));
    }

    private static List<Operation> operations() {
        return List.of(
                new Operation("apiAppSendsCommands", "send", Topics.COMMANDS, "api-app sends commands",
                        "Every REST command becomes a Command (Idempotency-Key as commandId).", null),
                new Operation("ledgerDecidesCommands", "receive", Topics.COMMANDS, "ledger-app decides commands",
                        "The only writer of seat state (Kafka Streams, exactly_once_v2).", LEDGER_GROUP),
                new Operation("ledgerSendsResults", "send", Topics.COMMAND_RESULTS, "ledger-app sends decisions",
                        "In the same transaction as the state change and the event.", null),
                new Operation("apiAppReceivesResults", "receive", Topics.COMMAND_RESULTS, "api-app reads its replies",
                        "Each instance assigns itself every partition (no consumer group) and reads from the end, "
                                + "read_committed, picking its own replies by their correlation header.", null),
                new Operation("ledgerSendsEvents", "send", Topics.SEAT_STATUS, "ledger-app publishes changes",
                        "One ShowEvent per accepted command or expiry.", null),
                new Operation("apiAppReceivesEvents", "receive", Topics.SEAT_STATUS, "api-app keeps its seat maps",
                        "Each instance assigns itself every partition (no consumer group), read_committed, and "
                                + "serves seat maps and SSE streams from them.", null),
                new Operation("ordersServiceReceivesEvents", "receive", Topics.SEAT_STATUS,
                        "orders-service (example) follows sales",
                        "The example downstream consumer (examples/orders-service), read_committed.", ORDERS_SERVICE_GROUP),
                new Operation("ledgerSendsSnapshots", "send", Topics.SNAPSHOTS, "ledger-app writes snapshots",
                        "At most once per show per interval, in the same transaction as the events; a tombstone "
                                + "when a show is archived.", null),
                new Operation("apiAppReceivesSnapshots", "receive", Topics.SNAPSHOTS, "api-app starts from snapshots",
                        "Read whole at start-up (no consumer group), then seat-status from their coveredUntil.", null),
                new Operation("ledgerSendsDeadLetters", "send", Topics.COMMANDS_DLQ, "ledger-app dead-letters bad records",
                        "The original key and bytes; an INVALID_COMMAND result too when commandId and showId can be read.",
                        null),
                new Operation("operatorsReadDeadLetters", "receive", Topics.COMMANDS_DLQ, "operators inspect dead letters",
                        "No application consumes it: an operator reads it (kafka-console-consumer, kcat) to find the "
                                + "producer that sent what the ledger could not read.", null));
    }

    /** The topic's configs, typed as the Kafka bindings have them. */
    private static ObjectNode topicConfiguration(TopicSpec topic) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        new java.util.TreeMap<>(topic.configs()).forEach((key, value) -> {
            if (key.equals(TopicConfig.CLEANUP_POLICY_CONFIG)) {
                out.putArray(key).add(value);
            } else if (value.matches("-?\\d+")) {
                out.put(key, Long.parseLong(value));
            } else if (value.matches("\\d*\\.\\d+")) {
                out.put(key, Double.parseDouble(value));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    private static void message(ObjectNode messages, String id, String name, String summary, String schema) {
        ObjectNode m = messages.putObject(id);
        m.put("name", name);
        m.put("title", name);
        m.put("summary", summary);
        m.put("contentType", "application/json");
        m.putObject("payload").put("$ref", "#/components/schemas/" + schema);
        keyBinding(m);
    }

    private static void keyBinding(ObjectNode message) {
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("description", "the showId (UTF-8): one show's records share a partition and stay in order");
        kafka.put("bindingVersion", BINDINGS);
    }

    private static void deadLetter(ObjectNode m) {
        m.put("name", "DeadLetter");
        m.put("title", "DeadLetter");
        m.put("summary", "A command record that could not be read, unchanged, with headers naming the error.");
        m.put("contentType", "application/octet-stream");
        ObjectNode headers = m.putObject("headers");
        headers.put("type", "object");
        ObjectNode props = headers.putObject("properties");
        Map<String, String> names = new LinkedHashMap<>();
        names.put(Topics.DlqHeaders.ERROR, "what was wrong, for a person");
        names.put(Topics.DlqHeaders.EXCEPTION, "the kind of error");
        names.put(Topics.DlqHeaders.TOPIC, "the topic the record came from");
        names.put(Topics.DlqHeaders.PARTITION, "its partition");
        names.put(Topics.DlqHeaders.OFFSET, "its offset");
        names.forEach((name, description) -> {
            ObjectNode h = props.putObject(name);
            h.put("type", "string");
            h.put("description", description);
        });
        ObjectNode payload = m.putObject("payload");
        payload.put("type", "string");
        payload.put("format", "binary");
        payload.put("description", "the original bytes of the record");
        keyBinding(m);
    }

    /** The topics' JSON Schemas as components: common definitions by name, one schema per message. */
    private static ObjectNode schemas() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode common = schema("common.schema.json");
        common.path("$defs").properties().forEach(e -> out.set(e.getKey(), inline(e.getValue())));
        Map<String, String> roots = new LinkedHashMap<>();
        roots.put("Command", "command.schema.json");
        roots.put("CommandResult", "command-result.schema.json");
        roots.put("ShowEvent", "show-event.schema.json");
        roots.put("ShowSnapshot", "show-snapshot.schema.json");
        roots.forEach((name, file) -> out.set(name, inline(schema(file))));
        return out;
    }

    private static JsonNode schema(String file) {
        try (InputStream in = AsyncApi.class.getResourceAsStream("/schemas/" + file)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema with its references pointing at components and without its own $schema, $id and $defs. */
    private static JsonNode inline(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            List<String> skip = List.of("$schema", "$id", "$defs");
            node.properties().forEach(e -> {
                if (skip.contains(e.getKey())) {
                    return;
                }
                if (e.getKey().equals("$ref") && e.getValue().isString()) {
                    String ref = e.getValue().asString();
                    copy.set("$ref", StringNode.valueOf("#/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1)));
                } else {
                    copy.set(e.getKey(), inline(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(inline(n)));
            return JsonNodeFactory.instance.arrayNode().addAll(items);
        }
        return node;
    }
}
