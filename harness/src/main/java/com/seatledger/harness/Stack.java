package com.seatledger.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.SeatDef;

/**
 * The product as users run it: a real broker (or a cluster of them), then ledger-app.jar and api-app.jar (what
 * {@code mvn package} builds) as child processes, configured through their documented settings.
 * Any number of ledger and api instances can be started, killed and restarted.
 */
public final class Stack implements AutoCloseable {

    public static final HttpClient HTTP = AppProcess.HTTP;
    /** the AOT training run ends after the context refresh and needs no broker */
    private static final List<String> TRAINING = List.of("--spring.kafka.admin.auto-create=false",
            "--spring.kafka.streams.auto-startup=false");

    public final LocalCluster brokers;
    public final int partitions;
    /** replicas of every topic (null: the broker's default, one on a single node) */
    private final Integer replication;
    private final Path root;
    private final Path work;
    private final int basePort;
    private final List<AppProcess> started = new ArrayList<>();
    private AppProcess ledger;
    private Path ledgerStateDir;
    private AppProcess api;

    private Stack(LocalCluster brokers, Path root, Path work, int basePort, int partitions, Integer replication) {
        this.brokers = brokers;
        this.replication = replication;
        this.root = root;
        this.work = work;
        this.basePort = basePort;
        this.partitions = partitions;
    }

    /**
     * A fresh stack for a module's integration test, from what its pom gives failsafe: the work folder
     * ({@code seatledger.work}), the file with the broker's classpath
     * ({@code seatledger.broker.classpath.file}) and the project folder ({@code seatledger.root}).
     */
    public static Stack forIntegrationTest(int brokerPort, int partitions) throws Exception {
        Path work = Path.of(System.getProperty("seatledger.work", "target/it")).toAbsolutePath();
        KafkaClients.deleteTree(work);
        String kafka = Files.readString(Path.of(System.getProperty("seatledger.broker.classpath.file",
                "target/broker.classpath"))).trim();
        return start(kafka, Path.of(System.getProperty("seatledger.root", "../..")), work, brokerPort, partitions);
    }

    /**
     * Starts a fresh broker on {@code brokerPort} under {@code work} and creates the topics with
     * {@code partitions} partitions. {@code root} is the project folder holding the module jars.
     */
    public static Stack start(String kafkaClasspath, Path root, Path work, int brokerPort, int partitions)
            throws Exception {
        return start(kafkaClasspath, root, work, brokerPort, partitions, 1);
    }

    /**
     * The same on a cluster of {@code brokerCount} nodes (ports from {@code brokerPort}, see
     * {@link LocalCluster}); with more than one, every topic and the apps' own topics get
     * {@code brokerCount} replicas ({@code seatledger.replication-factor}).
     */
    public static Stack start(String kafkaClasspath, Path root, Path work, int brokerPort, int partitions,
            int brokerCount) throws Exception {
        Files.createDirectories(work);
        AotCache.trainWith(kafkaClasspath, root);
        LocalCluster brokers = LocalCluster.start(kafkaClasspath, work, brokerPort, brokerCount);
        Integer replication = brokerCount > 1 ? brokerCount : null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers.bootstrap()))) {
            admin.createTopics(Topics.ALL.stream().map(t -> t.newTopic(partitions, replication)).toList()).all().get();
        }
        return new Stack(brokers, root, work, brokerPort + 100, partitions, replication);
    }

    public String bootstrap() {
        return brokers.bootstrap();
    }

    private List<String> kafkaArgs() {
        List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrap(),
                "--seatledger.partitions=" + partitions));
        if (replication != null) {
            args.add("--seatledger.replication-factor=" + replication);
        }
        return args;
    }

    public Path work() {
        return work;
    }

    /** This project's build, the jars {@code mvn package} made under the stack's root. */
    public Jars jars() {
        return Jars.built("working tree", root, true);
    }

    /** Starts a ledger-app.jar (not yet waited for); its management port answers health and metrics. */
    public AppProcess startLedger(String name, int managementPort, Path stateDir, String jvmOptions, String... extra)
            throws Exception {
        return startLedger(jars(), name, managementPort, stateDir, jvmOptions, extra);
    }

    /** The same from {@code jars}: another release's, for an upgrade. */
    public AppProcess startLedger(Jars jars, String name, int managementPort, Path stateDir, String jvmOptions,
            String... extra) throws Exception {
        List<String> args = kafkaArgs();
        args.addAll(List.of("--spring.kafka.streams.state-dir=" + stateDir, "--server.port=" + managementPort));
        args.addAll(List.of(extra));
        return track(AppProcess.start(name, jars.ledger(), work.resolve(name + ".log"), jvmOptions,
                "http://localhost:" + managementPort, args, jars.aot() ? TRAINING : null));
    }

    /** Starts an api-app.jar (not yet waited for) with the harness's JWT secret and a generous rate limit. */
    public AppProcess startApi(String name, int port, String jvmOptions, String... extra) throws Exception {
        return startApi(jars(), name, port, jvmOptions, extra);
    }

    /** The same from {@code jars}: another release's, for an upgrade. */
    public AppProcess startApi(Jars jars, String name, int port, String jvmOptions, String... extra) throws Exception {
        List<String> args = kafkaArgs();
        args.addAll(List.of("--seatledger.jwt-secret=" + Tokens.SECRET, "--server.port=" + port,
                "--seatledger.rate-limit.per-second=1000", "--seatledger.rate-limit.burst=2000"));
        args.addAll(List.of(extra));
        return track(AppProcess.start(name, jars.api(), work.resolve(name + ".log"), jvmOptions,
                "http://localhost:" + port, args, jars.aot()
                        ? Stream.concat(TRAINING.stream(), Stream.of("--seatledger.jwt-secret=" + Tokens.SECRET)).toList()
                        : null));
    }

    private AppProcess track(AppProcess p) {
        started.add(p);
        return p;
    }

    // --- one ledger and one api-app on fixed ports (basePort + 1 and basePort), as the bench runs them ---

    public String api() {
        return "http://localhost:" + basePort;
    }

    public void startLedger(int commitIntervalMs) throws Exception {
        ledgerStateDir = work.resolve("ledger-state-" + System.nanoTime());
        ledger = launchLedger("ledger-app", commitIntervalMs).awaitHealthy(Duration.ofSeconds(120));
    }

    /**
     * SIGKILLs the ledger and starts it again in its place (same state directory, so the same static
     * group member: it takes its partitions back at once) without waiting for it. Under exactly_once_v2
     * the crashed tasks' local state is rebuilt from their changelogs.
     */
    public void killAndRestartLedger(int commitIntervalMs) throws Exception {
        ledger.kill();
        ledger = launchLedger("ledger-app-restarted", commitIntervalMs);
    }

    private AppProcess launchLedger(String name, int commitIntervalMs) throws Exception {
        return startLedger(name, basePort + 1, ledgerStateDir, System.getenv("BENCH_LEDGER_JAVA_OPTS"),
                "--spring.kafka.streams.properties.commit.interval.ms=" + commitIntervalMs);
    }

    public void stopLedger() throws InterruptedException {
        ledger.stop();
    }

    /** Starts api-app; returns when /actuator/health is UP (its views have caught up). */
    public Duration startApi(String... extra) throws Exception {
        long t0 = System.nanoTime();
        api = startApi("api-app", basePort, System.getenv("BENCH_API_JAVA_OPTS"), extra)
                .awaitHealthy(Duration.ofSeconds(300));
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    public long apiPid() {
        return api.pid();
    }

    public long ledgerPid() {
        return ledger.pid();
    }

    public void stopApi() throws InterruptedException {
        api.stop();
    }

    /** Creates a show through the REST API, as an admin would. */
    public static void createShow(String apiUrl, String showId, List<SeatDef> seats) throws Exception {
        Map<String, Object> body = Map.of("showId", showId, "name", "Show " + showId, "seats", seats);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/shows"))
                .header("Authorization", "Bearer " + Tokens.token("harness-admin", "admin"))
                .header("Idempotency-Key", "create-" + showId)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create show " + showId + ": " + r.statusCode() + " " + r.body());
        }
    }

    public void createShow(String showId, List<SeatDef> seats) throws Exception {
        createShow(api(), showId, seats);
    }

    @Override
    public void close() throws Exception {
        for (AppProcess p : started) {
            p.stop();
        }
        brokers.close();
    }
}
