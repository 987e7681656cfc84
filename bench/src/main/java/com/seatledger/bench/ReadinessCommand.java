package com.seatledger.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import com.seatledger.harness.KafkaClients;
import com.seatledger.harness.Stack;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ReleaseHold;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Target "api-app ready with 1,000,000 events": api-app start to serving correct seat maps with 1,000,000 events of history in
 * seat-status. The history is made by the real ledger-app from planned hold/release commands on
 * many shows; the seat maps api-app serves are compared with the planner's oracle, seat by seat.
 */
@Command(name = "readiness", mixinStandardHelpOptions = true,
        description = "api-app start-up time with a long seat-status history, checked against the oracle.")
final class ReadinessCommand implements Callable<Integer> {

    @Mixin
    Bench.Common common = new Bench.Common();

    @Option(names = "--events", defaultValue = "1000000", description = "events of history; default ${DEFAULT-VALUE}")
    int events;

    @Option(names = "--shows", defaultValue = "24", description = "shows the history is spread over; default ${DEFAULT-VALUE}")
    int shows;

    @Option(names = "--seats", defaultValue = "2000", description = "seats per show; default ${DEFAULT-VALUE}")
    int seats;

    @Option(names = "--partitions", defaultValue = "12")
    int partitions;

    @Option(names = "--snapshot-margin", defaultValue = "0s", description = "api-app's seatledger.views.snapshot-margin; default ${DEFAULT-VALUE} (the product default)")
    String snapshotMargin;

    @Option(names = "--diagnose", description = "print, per partition, where the snapshots let a reader start")
    boolean diagnose;

    record Report(Instant at, String machine, long events, int shows, String snapshotMargin, double readySeconds,
            long mismatchedSeats, long mismatchedSeqs, double ledgerKillToDecisionSeconds) {
    }

    @Override
    public Integer call() throws Exception {
        System.out.println("planning " + events + " commands on " + shows + " shows against the ledger core ...");
        List<Workloads.Workload> plans = new ArrayList<>();
        for (int i = 0; i < shows; i++) {
            plans.add(Workloads.holdRelease("history-" + i, seats, events / shows, 7 + i));
        }
        long total = plans.stream().mapToLong(w -> w.commands().size()).sum();
        Files.createDirectories(common.work);
        Report report;
        try (Stack stack = Stack.start(common.kafkaClasspath(), Path.of(""), common.work, common.brokerPort, partitions)) {
            stack.startLedger(Bench.SHIPPED_COMMIT_INTERVAL);
            // once before the history, so the timed start below finds the api-app's AOT cache made (a
            // new jar's first start trains it first, ~25 s, which is build work, not start-up)
            stack.startApi();
            stack.stopApi();
            produce(stack, plans);
            awaitDecided(stack, total);
            long history = count(stack, Topics.SEAT_STATUS.name());
            System.out.println(history + " events in seat-status; waiting one snapshot interval (10 s)");
            Thread.sleep(12_000);
            if (diagnose) {
                diagnose(stack);
            }
            Duration ready = stack.startApi("--seatledger.views.snapshot-margin=" + snapshotMargin);
            System.out.printf("api-app healthy (views caught up) %.1f s after its process started%n", ready.toMillis() / 1000.0);
            long badSeats = 0;
            long badSeqs = 0;
            for (Workloads.Workload w : plans) {
                HttpResponse<String> r = Stack.HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.api() + "/api/shows/" + w.showId())).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode show = Json.MAPPER.readTree(r.body());
                if (show.path("seq").asLong() != w.finalSeq()) {
                    badSeqs++;
                }
                for (JsonNode seat : show.path("seats")) {
                    if (!seat.path("status").asString().equals(w.finalSeats().get(seat.path("seatId").asString()).name())) {
                        badSeats++;
                    }
                }
            }
            printChangelogBytes(stack);
            // the api-app started above still compiles for some seconds after it is ready (its AOT
            // cache's eager compilations): killing the ledger at once timed the ledger's restart
            // against that on the same two cores (8.2-8.3 s instead of ~4.5), not the ledger alone
            Duration quiet = CpuMeter.awaitQuiet(0.25, Duration.ofSeconds(30));
            System.out.printf("machine quiet (under 25 %% busy for a second) after %.1f s; killing the ledger%n",
                    quiet.toMillis() / 1000.0);
            double restart = killLedgerUntilDecided(stack, plans.get(0).showId());
            System.out.printf("ledger SIGKILLed with %d commands of history: a new command decided %.1f s after the kill%n",
                    total, restart);
            report = new Report(Instant.now(), Machine.here().toString(), history, shows, snapshotMargin,
                    ready.toMillis() / 1000.0, badSeats, badSeqs, restart);
        }
        System.out.printf("ready in %.1f s with %d events of history; seat maps: %d wrong seats, %d wrong seqs%n",
                report.readySeconds(), report.events(), report.mismatchedSeats(), report.mismatchedSeqs());
        Files.createDirectories(common.out);
        Files.write(common.out.resolve("readiness-margin-" + snapshotMargin + ".json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        return report.mismatchedSeats() == 0 && report.mismatchedSeqs() == 0 ? 0 : 1;
    }

    private static void produce(Stack stack, List<Workloads.Workload> plans) throws Exception {
        try (KafkaProducer<String, byte[]> producer = KafkaClients.loader(stack.bootstrap());
                ProgressBar bar = new ProgressBar("producing commands", plans.stream().mapToLong(w -> w.commands().size()).sum())) {
            int longest = plans.stream().mapToInt(w -> w.commands().size()).max().orElse(0);
            // interleaved, so every show's partition fills at the same pace, as in a real evening
            for (int i = 0; i < longest; i++) {
                for (Workloads.Workload w : plans) {
                    if (i < w.commands().size()) {
                        com.seatledger.topics.message.Command c = w.commands().get(i);
                        producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), c.showId(), Json.MAPPER.writeValueAsBytes(c)));
                        bar.step();
                    }
                }
            }
            producer.flush();
        }
    }

    /**
     * Target "ledger-app killed with SIGKILL and restarted, until it decides again", with this run's history
     * behind it: kill, start a new ledger process, send one new command at once, and time until its result is
     * visible to a read_committed reader (JVM and Spring start, restoring the changelogs, loading the shows,
     * the decision and its commit).
     */
    private static double killLedgerUntilDecided(Stack stack, String showId) throws Exception {
        try (KafkaConsumer<String, byte[]> results = reader(stack, Topics.COMMAND_RESULTS.name());
                KafkaProducer<String, byte[]> producer = KafkaClients.loader(stack.bootstrap())) {
            results.seekToEnd(results.assignment());
            results.assignment().forEach(results::position);
            String commandId = "after-kill-" + System.nanoTime();
            byte[] release = Json.MAPPER.writeValueAsBytes(new ReleaseHold(commandId,
                    showId, "bench", List.of("user"), Instant.now(), "no-such-hold"));
            long t0 = System.nanoTime();
            stack.killAndRestartLedger(Bench.SHIPPED_COMMIT_INTERVAL);
            producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), showId, release));
            producer.flush();
            long giveUp = t0 + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < giveUp) {
                for (var r : results.poll(Duration.ofMillis(100))) {
                    var result = Json.MAPPER.readValue(r.value(), CommandResult.class);
                    if (commandId.equals(result.commandId())) {
                        return (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
            throw new IllegalStateException("the restarted ledger decided nothing within 5 minutes");
        }
    }

    /** What a crashed ledger restores: the bytes of its changelog topics on the broker's disk (compressed, uncompacted part included). */
    private static void printChangelogBytes(Stack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()))) {
            Map<String, Long> bytes = new java.util.TreeMap<>();
            admin.describeLogDirs(admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList())
                    .allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(dir ->
                            dir.replicaInfos().forEach((tp, info) -> {
                                if (tp.topic().endsWith("-changelog")) {
                                    bytes.merge(tp.topic(), info.size(), Long::sum);
                                }
                            })));
            bytes.forEach((topic, n) -> System.out.printf("changelog %s: %,d bytes on disk%n", topic, n));
        }
    }

    private static void awaitDecided(Stack stack, long total) throws Exception {
        try (ProgressBar bar = new ProgressBar("ledger deciding", total);
                KafkaConsumer<String, byte[]> results = reader(stack, Topics.COMMAND_RESULTS.name())) {
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            long done = 0;
            while (done < total) {
                done += results.poll(Duration.ofMillis(500)).count();
                bar.stepTo(done);
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("ledger decided only " + done + " of " + total);
                }
            }
        }
    }

    /** Records in a topic as a read_committed reader sees them (end offsets would count transaction markers). */
    private static long count(Stack stack, String topic) {
        try (KafkaConsumer<String, byte[]> c = reader(stack, topic)) {
            Map<TopicPartition, Long> end = c.endOffsets(c.assignment());
            long n = 0;
            while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                n += c.poll(Duration.ofMillis(500)).count();
            }
            return n;
        }
    }

    /** Per partition: newest snapshot coveredUntil, and how many events a reader starting 30 s before it reads. */
    private static void diagnose(Stack stack) {
        Map<Integer, Instant> covered = new java.util.TreeMap<>();
        try (KafkaConsumer<String, byte[]> c = reader(stack, Topics.SNAPSHOTS.name())) {
            Map<TopicPartition, Long> end = c.endOffsets(c.assignment());
            while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                for (var r : c.poll(Duration.ofMillis(500))) {
                    var snap = Json.MAPPER.readValue(r.value(), com.seatledger.topics.message.ShowSnapshot.class);
                    covered.merge(r.partition(), snap.coveredUntil(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        try (KafkaConsumer<String, byte[]> c = reader(stack, Topics.SEAT_STATUS.name())) {
            Map<TopicPartition, Long> end = c.endOffsets(c.assignment());
            for (TopicPartition tp : c.assignment()) {
                Instant cu = covered.get(tp.partition());
                var at = cu == null ? null : c.offsetsForTimes(Map.of(tp, cu.minusSeconds(30).toEpochMilli())).get(tp);
                System.out.printf("partition %2d: coveredUntil %s, start %s of end %d%n", tp.partition(), cu,
                        at == null ? "none" : at.offset() + " (ts " + Instant.ofEpochMilli(at.timestamp()) + ")", end.get(tp));
            }
        }
    }

    private static KafkaConsumer<String, byte[]> reader(Stack stack, String topic) {
        return KafkaClients.fromStart(stack.bootstrap(), topic, stack.partitions);
    }
}
