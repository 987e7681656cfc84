package com.seatledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.SeatDef;

/**
 * The product as users run it: the bench's broker, then ledger-app.jar and api-app.jar as child
 * processes (what `mvn package` builds), configured through their documented settings.
 */
final class Stack implements AutoCloseable {

    static final String SECRET = "bench-secret-at-least-thirty-two-bytes-long";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final LocalBroker broker;
    final Path work;
    final int partitions;
    final int apiPort;
    private Process ledger;
    private Process api;

    private Stack(LocalBroker broker, Path work, int partitions, int apiPort) {
        this.broker = broker;
        this.work = work;
        this.partitions = partitions;
        this.apiPort = apiPort;
    }

    static Stack start(Bench.Common common, int partitions) throws Exception {
        LocalBroker broker = LocalBroker.start(common.kafkaClasspath(), common.work, common.brokerPort);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap))) {
            admin.createTopics(Topics.ALL.stream().map(t -> t.newTopic(partitions)).toList()).all().get();
        }
        return new Stack(broker, common.work, partitions, common.brokerPort + 100);
    }

    String api() {
        return "http://localhost:" + apiPort;
    }

    void startLedger(int commitIntervalMs) throws Exception {
        ledger = java("ledger-app/target/ledger-app.jar", "ledger-app.log", System.getenv("BENCH_LEDGER_JAVA_OPTS"),
                "--spring.kafka.bootstrap-servers=" + broker.bootstrap,
                "--seatledger.partitions=" + partitions,
                "--spring.kafka.streams.state-dir=" + work.resolve("ledger-state-" + System.nanoTime()),
                "--spring.kafka.streams.properties.commit.interval.ms=" + commitIntervalMs,
                "--server.port=" + (apiPort + 1));
        awaitHealthy("http://localhost:" + (apiPort + 1), ledger, Duration.ofSeconds(120));
    }

    void stopLedger() throws InterruptedException {
        stop(ledger);
    }

    /** Starts api-app; returns when /actuator/health is UP (its views have caught up). */
    Duration startApi(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrap,
                "--seatledger.partitions=" + partitions, "--seatledger.jwt-secret=" + SECRET,
                "--server.port=" + apiPort, "--seatledger.rate-limit.per-second=1000",
                "--seatledger.rate-limit.burst=2000"));
        args.addAll(List.of(extra));
        long t0 = System.nanoTime();
        api = java("api-app/target/api-app.jar", "api-app.log", System.getenv("BENCH_API_JAVA_OPTS"),
                args.toArray(String[]::new));
        awaitHealthy(api(), api, Duration.ofSeconds(300));
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    long apiPid() {
        return api.pid();
    }

    void stopApi() throws InterruptedException {
        stop(api);
    }

    /** {@code jvmOptions}: extra JVM flags, e.g. a JFR recording (BENCH_API_JAVA_OPTS, BENCH_LEDGER_JAVA_OPTS). */
    private Process java(String jar, String log, String jvmOptions, String... args) throws IOException {
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException(jar + " is missing: run through bin/bench, which builds it");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g"));
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            cmd.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        cmd.add("-jar");
        cmd.add(jar);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(log).toFile())).start();
    }

    private void awaitHealthy(String base, Process p, Duration within) throws Exception {
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(base + " exited; see the logs in " + work);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(base + " not healthy within " + within);
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            p.waitFor();
        }
    }

    static String token(String subject, String... roles) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(subject)
                    .claim("roles", List.of(roles)).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(6)))).build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a show through the REST API, as an admin would. */
    void createShow(String showId, List<SeatDef> seats) throws Exception {
        Map<String, Object> body = Map.of("showId", showId, "name", "Bench " + showId, "seats", seats);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api() + "/api/shows"))
                .header("Authorization", "Bearer " + token("bench-admin", "admin"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create show " + showId + ": " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() throws Exception {
        stop(api);
        stop(ledger);
        broker.close();
    }
}
