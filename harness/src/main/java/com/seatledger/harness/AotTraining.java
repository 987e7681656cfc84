package com.seatledger.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.SeatDef;

import tools.jackson.databind.JsonNode;

/**
 * The training run of both apps' AOT caches (JEP 483/514/515: classes loaded and linked ahead of
 * time, and the method profiles the JIT compilers start from). Both apps run from their extracted
 * layouts with {@code -XX:AOTCacheOutput} against a broker of their own, a short buyers' load goes
 * through the real command path (holds explicit and best available, extensions, confirmations,
 * releases, refunds, a seat-map stream, reads, and admission control's refusals), and each app writes its cache as it stops. A new
 * instance started from such a cache begins with the command path's classes linked and its
 * profiles known, instead of learning both from the first seconds of an on-sale.
 */
public final class AotTraining {

    /** the load, long enough for the command path's methods to reach the profiled tiers */
    static final Duration LOAD = Duration.ofSeconds(Long.getLong("harness.aot.training-seconds", 40));
    static final int BUYERS = 24;
    /** how long a stopping app may take to write its cache */
    static final Duration CACHE_WRITE_GRACE = Duration.ofMinutes(3);

    /** What one app needs for its part of the training. */
    record App(Path extractedJar, Path cache, Path log) {
    }

    private AotTraining() {
    }

    /**
     * bin/seat-ledger's training: {@code <broker classpath file> <work dir> <JVM flags> <ledger jar>
     * <ledger dir> <api jar> <api dir>}; each dir gets the extracted jar and {@code <app>.aot}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: AotTraining <broker classpath file> <work dir> <JVM flags> <ledger jar> <ledger dir> "
                    + "<api jar> <api dir>");
            System.exit(2);
        }
        List<String> flags = args[2].isBlank() ? List.of() : List.of(args[2].trim().split("\\s+"));
        AotCache.trainUnderLoad(Files.readString(Path.of(args[0])).trim(), Path.of(args[1]), flags,
                new AotCache.Layout(Path.of(args[3]), Path.of(args[4])), new AotCache.Layout(Path.of(args[5]), Path.of(args[6])));
        System.exit(0);
    }

    /**
     * Trains {@code ledger} and {@code api} together with JVM {@code flags}; {@code work} holds the
     * broker and the ledger's state, deleted afterwards. Throws when either cache was not written.
     */
    public static void train(String kafkaClasspath, Path work, List<String> flags, App ledger, App api)
            throws Exception {
        KafkaClients.deleteTree(work);
        Files.createDirectories(work);
        int brokerPort = freePortPair();
        try (LocalCluster broker = LocalCluster.start(kafkaClasspath, work, brokerPort, 1)) {
            String bootstrap = broker.bootstrap();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(Topics.ALL.stream().map(t -> t.newTopic(Topics.DEFAULT_PARTITIONS, null)).toList())
                        .all().get();
            }
            int ledgerPort = freePort();
            int apiPort = freePort();
            Process l = start("aot-training-ledger", flags, ledger, List.of("--spring.kafka.bootstrap-servers=" + bootstrap,
                    "--spring.kafka.streams.state-dir=" + work.resolve("ledger-state"), "--server.port=" + ledgerPort));
            // a bound on commands in flight below the buyers: admission control's refusals, the path most
            // commands take in an on-sale's first seconds, are trained too
            Process a = start("aot-training-api", flags, api, List.of("--spring.kafka.bootstrap-servers=" + bootstrap,
                    "--seatledger.jwt-secret=" + Tokens.SECRET, "--server.port=" + apiPort,
                    "--seatledger.rate-limit.per-second=1000", "--seatledger.rate-limit.burst=2000",
                    "--seatledger.admission.initial-limit=" + BUYERS / 2, "--seatledger.admission.min-limit=" + BUYERS / 2,
                    "--seatledger.admission.max-limit=" + BUYERS / 2));
            try {
                awaitHealthy(l, "http://localhost:" + ledgerPort, ledger.log());
                awaitHealthy(a, "http://localhost:" + apiPort, api.log());
                new Load("http://localhost:" + apiPort).run(LOAD);
            } finally {
                // SIGTERM: each JVM writes its cache on its way out, which takes a JVM of its own some
                // seconds (longer on a busy machine): a kill before it ends leaves no cache
                ChildJvm.stop(a, CACHE_WRITE_GRACE);
                ChildJvm.stop(l, CACHE_WRITE_GRACE);
            }
        } finally {
            KafkaClients.deleteTree(work);
        }
        for (App app : List.of(ledger, api)) {
            if (!Files.exists(app.cache())) {
                throw new IOException("the training run wrote no cache " + app.cache() + "; see " + app.log());
            }
        }
    }

    private static Process start(String name, List<String> flags, App app, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(flags);
        cmd.addAll(List.of("-Xmx1g", "-XX:AOTCacheOutput=" + app.cache(), "-jar", app.extractedJar().toString()));
        cmd.addAll(args);
        return ChildJvm.start(name, cmd, app.log());
    }

    private static void awaitHealthy(Process p, String url, Path log) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/actuator/health")).timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < giveUp) {
            if (!p.isAlive()) {
                throw new IOException("a training app exited with " + p.exitValue() + "; see " + log);
            }
            try {
                if (AppProcess.HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200); // polling a child process's port; there is no event to wait on
        }
        throw new IOException("a training app was not healthy within 120 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A port whose next port is free too (the broker's controller listens there). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p = freePort();
            try (ServerSocket next = new ServerSocket(p + 1)) {
                return p;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two free neighbouring ports");
    }

    /** Buyers on one show through the REST API and the streams, as an on-sale's first minute would. */
    static final class Load {
        private static final int ROWS = 40;
        private static final int PER_ROW = 50;
        private final String base;
        private final AtomicInteger keys = new AtomicInteger();

        Load(String base) {
            this.base = base;
        }

        void run(Duration length) throws Exception {
            List<SeatDef> seats = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                for (int n = 1; n <= PER_ROW; n++) {
                    seats.add(new SeatDef("R" + r + "-" + n, "Stalls", "R" + r, n, r < ROWS / 4 ? "PREMIUM" : "STANDARD"));
                }
            }
            Stack.createShow(base, "training", seats);
            long end = System.nanoTime() + length.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int b = 0; b < BUYERS; b++) {
                String actor = "trainee-" + b;
                String token = Tokens.token(actor);
                threads.add(Thread.ofVirtual().start(() -> buy(token, end)));
            }
            threads.add(Thread.ofVirtual().start(() -> read(Tokens.token("box-office", "admin"), end)));
            // not joined: an idle stream's read returns only at the next heartbeat; the app's stop ends it
            Thread.ofVirtual().start(() -> watch("/api/shows/training/events", end));
            for (Thread t : threads) {
                t.join();
            }
        }

        /** Hold, then extend, confirm or release; now and then best available, or a seat someone else has. */
        private void buy(String token, long end) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                try {
                    String body = rnd.nextInt(4) == 0
                            ? "{\"bestAvailable\":{\"category\":\"STANDARD\",\"quantity\":" + (1 + rnd.nextInt(3)) + "}}"
                            : "{\"seatIds\":[\"R" + rnd.nextInt(ROWS) + "-" + (1 + rnd.nextInt(PER_ROW)) + "\"]}";
                    HttpResponse<String> held = send("POST", "/api/shows/training/holds", token, body);
                    if (held.statusCode() != 201) {
                        continue;
                    }
                    String holdId = Json.MAPPER.readTree(held.body()).path("holdId").asString();
                    send("GET", "/api/holds/" + holdId, token, null);
                    switch (rnd.nextInt(4)) {
                        case 0 -> send("POST", "/api/holds/" + holdId + "/extend", token, "{}");
                        case 1 -> send("POST", "/api/holds/" + holdId + "/confirm", token,
                                "{\"orderId\":\"o-" + keys.incrementAndGet() + "\"}");
                        default -> { }
                    }
                    send("DELETE", "/api/holds/" + holdId, token, null);
                    send("GET", "/api/shows/training/holds", token, null);
                } catch (IOException | RuntimeException e) {
                    // a refused or failed request is part of the traffic too
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Sold seats go back on sale (refunds), and the box office reads the show as it goes. */
        private void read(String admin, long end) {
            while (System.nanoTime() < end) {
                try {
                    send("GET", "/api/shows/training", admin, null);
                    JsonNode orders = Json.MAPPER.readTree(send("GET", "/api/shows/training/orders", admin, null).body());
                    for (JsonNode o : orders) {
                        send("POST", "/api/shows/training/orders/" + o.path("orderId").asString() + "/cancel", admin, null);
                    }
                    send("GET", "/actuator/prometheus", null, null);
                } catch (IOException | RuntimeException e) {
                    // as above
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** A seat-map stream read until the load ends (reconnecting when it closes). */
        private void watch(String path, long end) {
            byte[] buf = new byte[8192];
            while (System.nanoTime() < end) {
                try {
                    HttpResponse<InputStream> r = AppProcess.HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = r.body()) {
                        while (System.nanoTime() < end && in.read(buf) >= 0) {
                            // frames are read and dropped: the server's writing is what is trained
                        }
                    }
                } catch (IOException e) {
                    // reconnect
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private HttpResponse<String> send(String method, String path, String token, String json)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (!"GET".equals(method)) {
                b.header("Idempotency-Key", "t-" + keys.incrementAndGet());
            }
            return AppProcess.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
