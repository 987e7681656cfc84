package com.seatledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.seatledger.topics.Topics;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is kept right by reading it: its
 * services, the topics it creates and the variables it sets must match the code that uses them.
 */
class DockerComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-([^}]*)}");

    final Map<String, Object> compose = load();
    final Map<String, Object> services = map(compose.get("services"));

    @Test
    void runsAKraftBrokerOfTheKafkaVersionTheAppsAreBuiltWith() {
        assertThat(services).containsOnlyKeys("kafka", "topics", "ledger-app", "api-app");
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(map(services.get("topics")).get("image")).isEqualTo(kafka.get("image"));

        Map<String, String> env = env("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env).containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", env.get("KAFKA_NODE_ID") + "@kafka:9093");
        // exactly_once_v2 on a single broker needs a transaction log it can write
        assertThat(env).containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                // a standby takes over a dead ledger's partitions once its open transaction is aborted
                .containsEntry("KAFKA_TRANSACTION_ABORT_TIMED_OUT_TRANSACTION_CLEANUP_INTERVAL_MS", "1000");
        assertThat(Integer.parseInt(env.get("KAFKA_MESSAGE_MAX_BYTES"))).isGreaterThanOrEqualTo(Topics.MAX_MESSAGE_BYTES);
        // what every local broker sets (harness/src/main/resources/broker/node.properties, also read by
        // bin/seat-ledger and the harness), the compose broker sets alike
        java.util.Properties node = new java.util.Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("harness/src/main/resources/broker/node.properties"))) {
            node.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(node).isNotEmpty();
        node.forEach((key, value) -> assertThat(env)
                .containsEntry("KAFKA_" + key.toString().toUpperCase().replace('.', '_'), value.toString()));
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
    }

    @Test
    void createsEveryTopicOfTheContractWithItsConfigs() {
        String script = String.join("\n", list(map(services.get("topics")).get("command")));
        Map<String, Map<String, String>> created = new HashMap<>();
        for (String line : script.lines().map(String::strip).filter(l -> l.startsWith("create ")).toList()) {
            String[] words = line.split("\\s+");
            Map<String, String> configs = new HashMap<>();
            for (int i = 2; i < words.length; i += 2) {
                assertThat(words[i]).isEqualTo("--config");
                String[] kv = words[i + 1].split("=", 2);
                configs.put(kv[0], kv[1]);
            }
            created.put(words[1], configs);
        }
        Map<String, Map<String, String>> expected = new HashMap<>();
        Topics.ALL.forEach(t -> expected.put(t.name(), t.configs()));
        assertThat(created).isEqualTo(expected);
        assertThat(script).contains("--partitions \"$$SEATLEDGER_PARTITIONS\"");
        assertThat(env("topics")).containsEntry("SEATLEDGER_PARTITIONS", "${SEATLEDGER_PARTITIONS:-" + Topics.DEFAULT_PARTITIONS + "}");
    }

    @Test
    void setsOnlyVariablesTheAppsReadAndTheOnesTheyNeed() throws IOException {
        for (String app : List.of("ledger-app", "api-app")) {
            Map<String, String> read = variables(ROOT.resolve(app + "/src/main/resources/application.yml"));
            if (app.equals("ledger-app")) {
                // its Kafka Streams settings, imported by its application.yml
                read.putAll(variables(ROOT.resolve(app + "/src/main/resources/ledger-streams.yml")));
            }
            Map<String, String> env = env(app);
            assertThat(read.keySet()).as("variables %s reads", app).containsAll(env.keySet());
            assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}")
                    .containsEntry("SEATLEDGER_PARTITIONS", env("topics").get("SEATLEDGER_PARTITIONS"));
            // a default written here must be the default the app has, or compose and java -jar disagree
            for (Map.Entry<String, String> e : env.entrySet()) {
                Matcher m = DEFAULTED.matcher(e.getValue());
                if (m.matches() && !e.getKey().equals("KAFKA_BOOTSTRAP_SERVERS")) {
                    assertThat(read).as("default of %s in %s", m.group(1), app).containsEntry(m.group(1), m.group(2));
                }
            }
        }
        assertThat(env("ledger-app")).containsKey("SEATLEDGER_STATE_DIR");
        // the secret comes from the caller's environment and compose refuses to start without it
        assertThat(env("api-app").get("SEATLEDGER_JWT_SECRET")).startsWith("${SEATLEDGER_JWT_SECRET:?");
        assertThat(list(map(services.get("api-app")).get("ports")))
                .containsExactly("8080:" + env("api-app").get("SERVER_PORT"));
    }

    @Test
    void buildsTheAppImagesFromTheRunnableJarsAfterTheTopicsExist() throws IOException {
        for (String app : List.of("ledger-app", "api-app")) {
            Map<String, Object> service = map(services.get(app));
            assertThat(service.get("build")).isEqualTo("./" + app);
            String dockerfile = Files.readString(ROOT.resolve(app).resolve("Dockerfile"));
            String pom = Files.readString(ROOT.resolve(app).resolve("pom.xml"));
            assertThat(pom).contains("<finalName>" + app + "</finalName>");
            assertThat(dockerfile).contains("COPY target/" + app + ".jar ").contains("FROM eclipse-temurin:25-jre");
            assertThat(map(map(service.get("depends_on")).get("topics")))
                    .containsEntry("condition", "service_completed_successfully");
        }
        assertThat(Files.readString(ROOT.resolve("ledger-app/Dockerfile")))
                .contains("SEATLEDGER_STATE_DIR=" + env("ledger-app").get("SEATLEDGER_STATE_DIR"));
    }

    @Test
    void imagesRunTheProjectsJavaWithTheAotCacheTheirTrainingRunMade() throws IOException {
        String release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                .matcher(Files.readString(ROOT.resolve("pom.xml"))).results().findFirst().orElseThrow().group(1);
        for (String app : List.of("ledger-app", "api-app")) {
            String dockerfile = Files.readString(ROOT.resolve(app).resolve("Dockerfile"));
            assertThat(dockerfile).as(app + " image Java").contains("FROM eclipse-temurin:" + release + "-jre");
            String training = dockerfile.substring(dockerfile.indexOf("-XX:AOTCacheOutput"));
            String cache = training.substring("-XX:AOTCacheOutput=".length(), training.indexOf(' '));
            String entrypoint = dockerfile.substring(dockerfile.indexOf("ENTRYPOINT"));
            assertThat(entrypoint).contains("\"-XX:AOTCache=" + cache + "\"")
                    .contains("\"/app/extracted/" + app + ".jar\"");
            // a cache made with other heap or header settings is refused at start
            for (String flag : List.of("-XX:+UseG1GC", "-XX:+UseCompactObjectHeaders")) {
                assertThat(dockerfile.substring(dockerfile.indexOf("RUN java"), dockerfile.indexOf("ENTRYPOINT")))
                        .as(app + " training run").contains(flag);
                assertThat(entrypoint).as(app + " entrypoint").contains("\"" + flag + "\"");
            }
        }
    }

    private Map<String, String> env(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        map(map(services.get(service)).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    /** Every {@code ${NAME:default}} placeholder of an application.yml: name to default ("" when none). */
    private static Map<String, String> variables(Path yml) throws IOException {
        Map<String, String> found = new HashMap<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(yml));
        while (m.find()) {
            found.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        return found;
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<String>) o;
    }
}
