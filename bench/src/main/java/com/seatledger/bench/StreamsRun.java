package com.seatledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import com.seatledger.harness.KafkaClients;
import com.seatledger.ledger.streams.LedgerSettings;
import com.seatledger.ledger.streams.LedgerTopology;
import com.seatledger.ledger.app.ShippedStreamsSettings;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.json.JsonSerde;
import com.seatledger.topics.json.CommandCodec;
import com.seatledger.topics.json.OutputWriters;
import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatChange;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowEvent;

import me.tongfei.progressbar.ProgressBar;

/**
 * Drains a preloaded partition through a Kafka Streams topology under exactly_once_v2 and times
 * it from the outside: a read_committed consumer counts the outputs as their transactions commit.
 * The ledger and the one-get-one-put baseline run on the same broker with the same settings.
 */
final class StreamsRun {

    static final String BASELINE_IN = "bench-baseline-in";
    static final String BASELINE_OUT = "bench-baseline-out";
    /** ledger-app's statestore.cache.max.bytes */
    static final long LEDGER_CACHE_BYTES = 64L * 1024 * 1024;

    /**
     * One measured drain. {@code mismatches}: ledger results that differ from the oracle's (must be 0).
     * {@code cpuMicros}: CPU time of the stream thread per record over the timed part (null where there is
     * none): steadier than the rate on two shared cores, where a stream thread also waits for a core.
     */
    record Measured(String name, long records, double seconds, double perSecond, long mismatches, Double cpuMicros) {

        Measured withMismatches(long all) {
            return new Measured(name, records, seconds, perSecond, all, cpuMicros);
        }
    }

    /** Time this JVM's collectors spent so far (pauses and concurrent work as each collector counts it). */
    private static long gcMillis() {
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private static final java.lang.management.CompilationMXBean JIT =
            java.lang.management.ManagementFactory.getCompilationMXBean();
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final String bootstrap;
    private final Path stateRoot;
    private final int commitIntervalMs;
    private final long cacheBytes;

    StreamsRun(String bootstrap, Path stateRoot, int commitIntervalMs, long cacheBytes) {
        this.cacheBytes = cacheBytes;
        this.bootstrap = bootstrap;
        this.stateRoot = stateRoot;
        this.commitIntervalMs = commitIntervalMs;
    }

    Measured ledger(Workloads.Workload w) throws Exception {
        recreate(Topics.ALL.stream().map(t -> t.newTopic(1)).toList());
        preload(w.commands().stream()
                .map(c -> new ProducerRecord<>(Topics.COMMANDS.name(), c.showId(), Json.MAPPER.writeValueAsBytes(c)))
                .toList());
        LedgerSettings settings = new LedgerSettings(Duration.ofMillis(200), Duration.ofSeconds(10));
        List<byte[]> outputs = new ArrayList<>(w.commands().size());
        Measured m;
        try (KafkaConsumer<String, byte[]> results = KafkaClients.fromStart(bootstrap, Topics.COMMAND_RESULTS.name(), 1)) {
            m = drain(w.name(), LedgerTopology.buildTopology(settings), results, w.commands().size(), outputs, true);
        }
        // compared with the oracle after the clock stopped: parsing JSON on this 2-core machine would steal from the ledger
        JsonSerde<CommandResult> serde = JsonSerde.of(CommandResult.class);
        long mismatches = 0;
        for (int i = 0; i < outputs.size(); i++) {
            CommandResult got = serde.deserialize(Topics.COMMAND_RESULTS.name(), outputs.get(i));
            CommandResult want = w.expected().get(i);
            if (got.code() != want.code() || !Objects.equals(got.seq(), want.seq())
                    || got.duplicate() != want.duplicate() || !got.commandId().equals(want.commandId())) {
                if (mismatches++ < 5) {
                    System.err.printf("mismatch at %d: ledger %s %s seq %s, oracle %s %s seq %s%n", i,
                            got.commandId(), got.code(), got.seq(), want.commandId(), want.code(), want.seq());
                }
            }
        }
        return m.withMismatches(mismatches);
    }

    Measured baseline(String name, Workloads.Workload w) throws Exception {
        recreateBaselineTopics();
        preload(w.commands().stream()
                .map(c -> new ProducerRecord<>(BASELINE_IN, c.showId(), Json.MAPPER.writeValueAsBytes(c)))
                .toList());
        try (KafkaConsumer<String, byte[]> out = KafkaClients.fromStart(bootstrap, BASELINE_OUT, 1)) {
            return drain(name, baselineTopology(), out, w.commands().size(), new ArrayList<>(), true);
        }
    }

    /**
     * CREATE_SHOW of a show of {@code seats} seats, command to result: the ledger runs (idle) on
     * empty topics; the clock runs from sending the command until a read_committed consumer has
     * its result. Returns milliseconds.
     */
    long createShowMillis(int seats) throws Exception {
        recreate(Topics.ALL.stream().map(t -> t.newTopic(1)).toList());
        LedgerSettings settings = new LedgerSettings(Duration.ofMillis(200), Duration.ofSeconds(10));
        Path state = Files.createTempDirectory(stateRoot, "state");
        CreateShow create = new CreateShow("create-" + System.nanoTime(), "big", "admin", List.of("admin"),
                java.time.Instant.now(), "Big show", null, Workloads.layout(seats), null);
        byte[] bytes = Json.MAPPER.writeValueAsBytes(create);
        try (KafkaStreams streams = new KafkaStreams(LedgerTopology.buildTopology(settings),
                streamsConfig("bench-create-" + System.nanoTime(), state));
                KafkaConsumer<String, byte[]> results = KafkaClients.fromStart(bootstrap, Topics.COMMAND_RESULTS.name(), 1);
                KafkaProducer<String, byte[]> producer = KafkaClients.loader(bootstrap)) {
            streams.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (streams.state() != KafkaStreams.State.RUNNING) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ledger not running: " + streams.state());
                }
                results.poll(Duration.ofMillis(100));
            }
            long sent = System.nanoTime();
            producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), create.showId(), bytes));
            producer.flush(); // at once, not after the loader's linger
            while (results.poll(Duration.ofMillis(20)).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no result for the CREATE_SHOW");
                }
            }
            long millis = (System.nanoTime() - sent) / 1_000_000;
            streams.close(Duration.ofSeconds(30));
            return millis;
        } finally {
            KafkaClients.deleteTree(state);
        }
    }

    /**
     * What a crash costs a ledger with a long journal behind it: drain {@code w} (its history),
     * close, wipe the state directory (what exactly-once does to a task's local state after a
     * crash), start a fresh instance and time from start() until a new command's result is
     * visible: the changelog restore, loading the shows from checkpoint + journal, the first
     * decision. JVM and Spring start-up come on top (measured by the fault tests).
     */
    long restoreMillis(Workloads.Workload w) throws Exception {
        recreate(Topics.ALL.stream().map(t -> t.newTopic(1)).toList());
        preload(w.commands().stream()
                .map(c -> new ProducerRecord<>(Topics.COMMANDS.name(), c.showId(), Json.MAPPER.writeValueAsBytes(c)))
                .toList());
        LedgerSettings settings = new LedgerSettings(Duration.ofMillis(200), Duration.ofSeconds(10));
        String app = "bench-restore-" + System.nanoTime();
        try (KafkaConsumer<String, byte[]> results = KafkaClients.fromStart(bootstrap, Topics.COMMAND_RESULTS.name(), 1)) {
            Path history = Files.createTempDirectory(stateRoot, "state");
            try (KafkaStreams streams = new KafkaStreams(LedgerTopology.buildTopology(settings),
                    streamsConfig(app, history)); ProgressBar bar = new ProgressBar("history", w.commands().size())) {
                streams.start();
                long seen = 0;
                long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
                while (seen < w.commands().size()) {
                    if (System.nanoTime() > giveUp) {
                        throw new IllegalStateException("history not decided in time: " + seen);
                    }
                    seen += results.poll(Duration.ofMillis(100)).count();
                    bar.stepTo(seen);
                }
                // leave the group, as the app does on shutdown: the fresh instance must not wait out this
                // member's session (a crashed app's restart takes its place through static membership)
                streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                        org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            } finally {
                KafkaClients.deleteTree(history);
            }
            Path fresh = Files.createTempDirectory(stateRoot, "state");
            Command next = new com.seatledger.topics.message.ReleaseHold("after-restore", w.showId(), "nobody",
                    List.of("user"), java.time.Instant.now(), "no-such-hold");
            preload(List.of(new ProducerRecord<>(Topics.COMMANDS.name(), next.showId(),
                    Json.MAPPER.writeValueAsBytes(next))));
            long started = System.nanoTime();
            try (KafkaStreams streams = new KafkaStreams(LedgerTopology.buildTopology(settings),
                    streamsConfig(app, fresh))) {
                streams.start();
                long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (true) {
                    if (System.nanoTime() > giveUp) {
                        throw new IllegalStateException("no decision after the restore");
                    }
                    boolean decided = false;
                    for (ConsumerRecord<String, byte[]> r : results.poll(Duration.ofMillis(20))) {
                        decided |= new String(r.value()).contains("\"after-restore\"");
                    }
                    if (decided) {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        streams.close(Duration.ofSeconds(30));
                        return millis;
                    }
                }
            } finally {
                KafkaClients.deleteTree(fresh);
            }
        }
    }

    static final String FLOOR_RESULTS = "bench-floor-results";
    static final String FLOOR_EVENTS = "bench-floor-events";

    /**
     * The two contract floors. {@code CONTRACT} is the one the target names: a processor written from
     * the message records alone, with the contract's JSON serde and Kafka's own settings but for the
     * ledger's guarantee and commit interval. {@code TUNED} is stricter: the ledger's own codecs (a
     * streaming command reader, hand-written output writers) and every Streams setting ledger-app
     * ships (256 KB lz4 producer batches above all): the same work with every shortcut the ledger takes.
     */
    enum Floor {
        CONTRACT("contract floor (contract serde, Kafka's settings)", false, JsonSerde.of(Command.class)::deserialize,
                JsonSerde.of(CommandResult.class), JsonSerde.of(ShowEvent.class)),
        TUNED("contract floor (ledger's codecs and settings)", true,
                (topic, bytes) -> CommandCodec.parse(bytes) instanceof CommandCodec.Valid(Command c) ? c : null,
                OutputWriters.RESULTS, OutputWriters.EVENTS);

        final String label;
        final boolean shippedSettings;
        final Deserializer<Command> commands;
        final Serializer<CommandResult> results;
        final Serializer<ShowEvent> events;

        Floor(String label, boolean shippedSettings, Deserializer<Command> commands, Serializer<CommandResult> results,
                Serializer<ShowEvent> events) {
            this.label = label;
            this.shippedSettings = shippedSettings;
            this.commands = commands;
            this.results = results;
            this.events = events;
        }
    }

    /**
     * What the contract alone costs, with no seat rules: the command bytes parsed, one get and one
     * put, and a result and an event of the ledger's usual size written, as {@code floor} does it.
     */
    Measured contractFloor(String name, Workloads.Workload w, Floor floor) throws Exception {
        recreate(List.of(new NewTopic(BASELINE_IN, 1, (short) 1), new NewTopic(FLOOR_RESULTS, 1, (short) 1),
                new NewTopic(FLOOR_EVENTS, 1, (short) 1)));
        preload(w.commands().stream()
                .map(c -> new ProducerRecord<>(BASELINE_IN, c.showId(), Json.MAPPER.writeValueAsBytes(c)))
                .toList());
        try (KafkaConsumer<String, byte[]> out = KafkaClients.fromStart(bootstrap, FLOOR_RESULTS, 1)) {
            return drain(name, floorTopology(floor), out, w.commands().size(), new ArrayList<>(), floor.shippedSettings);
        }
    }

    static Topology floorTopology(Floor floor) {
        Topology t = new Topology();
        t.addSource("in", new StringDeserializer(), floor.commands, BASELINE_IN);
        t.addProcessor("floor", () -> new Processor<String, Command, String, Object>() {
            private ProcessorContext<String, Object> context;
            private KeyValueStore<String, Long> store;

            @Override
            public void init(ProcessorContext<String, Object> context) {
                this.context = context;
                this.store = context.getStateStore("counts");
            }

            @Override
            public void process(Record<String, Command> record) {
                Command c = record.value();
                if (c == null) {
                    return;
                }
                Long seen = store.get(record.key());
                long seq = seen == null ? 1L : seen + 1;
                store.put(record.key(), seq);
                java.time.Instant now = java.time.Instant.ofEpochMilli(context.currentSystemTimeMs());
                Hold hold = new Hold("h-" + c.commandId(), c.actor(), List.of("R1-10", "R1-11"), now,
                        now.plusSeconds(600), HoldStatus.ACTIVE);
                context.forward(new Record<String, Object>(c.showId(), new CommandResult(c.commandId(), c.showId(),
                        c.type(), Outcome.ACCEPTED, ResultCode.OK, null, seq, false, hold, null, List.of()),
                        record.timestamp()), "results");
                context.forward(new Record<String, Object>(c.showId(), new ShowEvent(c.showId(), seq, now, Cause.HOLD,
                        c.commandId(), c.actor(), hold, null, null, null,
                        List.of(new SeatChange("R1-10", SeatStatus.HELD), new SeatChange("R1-11", SeatStatus.HELD)),
                        AVAILABILITY, null), record.timestamp()), "events");
            }
        }, "in");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("counts"),
                org.apache.kafka.common.serialization.Serdes.String(), org.apache.kafka.common.serialization.Serdes.Long()),
                "floor");
        t.addSink("results", FLOOR_RESULTS, new StringSerializer(), floor.results, "floor");
        t.addSink("events", FLOOR_EVENTS, new StringSerializer(), floor.events, "floor");
        return t;
    }

    private static final Map<String, Availability> AVAILABILITY = new java.util.TreeMap<>(Map.of(
            "PREMIUM", new Availability(24_000, 800, 200, 0), "STANDARD", new Availability(48_000, 1_500, 500, 0),
            "BALCONY", new Availability(24_500, 400, 100, 0)));

    /** The ceiling: per record one store get and one put, one output record. Nothing else. */
    static Topology baselineTopology() {
        Topology t = new Topology();
        t.addSource("in", new StringDeserializer(), new ByteArrayDeserializer(), BASELINE_IN);
        t.addProcessor("get-put", () -> new Processor<String, byte[], String, byte[]>() {
            private ProcessorContext<String, byte[]> context;
            private KeyValueStore<String, Long> store;

            @Override
            public void init(ProcessorContext<String, byte[]> context) {
                this.context = context;
                this.store = context.getStateStore("counts");
            }

            @Override
            public void process(Record<String, byte[]> record) {
                Long seen = store.get(record.key());
                store.put(record.key(), seen == null ? 1L : seen + 1);
                context.forward(record);
            }
        }, "in");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("counts"),
                org.apache.kafka.common.serialization.Serdes.String(), org.apache.kafka.common.serialization.Serdes.Long()),
                "get-put");
        t.addSink("out", BASELINE_OUT, new StringSerializer(), new ByteArraySerializer(), "get-put");
        return t;
    }

    /**
     * The one-get-one-put processor on fresh topics with this run's settings, started, for a caller
     * that feeds it itself (the REST latency floor, {@link BareFloor}).
     */
    KafkaStreams startBaseline() throws Exception {
        recreateBaselineTopics();
        return startBaseline("bench-floor-" + System.nanoTime());
    }

    /**
     * Another instance of the processor {@code applicationId} on the existing topics, with a fresh
     * state directory (it restores its store from the changelog), as a new ledger instance would.
     */
    KafkaStreams startBaseline(String applicationId) throws Exception {
        KafkaStreams streams = new KafkaStreams(baselineTopology(),
                streamsConfig(applicationId, Files.createTempDirectory(stateRoot, "floor")));
        streams.start();
        return streams;
    }

    void recreateBaselineTopics() throws Exception {
        recreate(List.of(new NewTopic(BASELINE_IN, 1, (short) 1), new NewTopic(BASELINE_OUT, 1, (short) 1)));
    }

    /** CPU time of this JVM's Kafka Streams stream threads (not their producers' network threads). */
    private static long streamThreadCpuNanos() {
        // names without stacks: this runs inside the timed part, and a stack dump of every thread would stop them all
        long sum = 0;
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (t != null && t.getThreadName().contains("-StreamThread-") && !t.getThreadName().contains("producer")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private Measured drain(String name, Topology topology, KafkaConsumer<String, byte[]> out, int expected,
            List<byte[]> outputs, boolean shippedSettings) throws Exception {
        Path state = Files.createTempDirectory(stateRoot, "state");
        // the bench keeps every output for the oracle check: without a collection here a run could
        // inherit the previous runs' garbage and pay for the concurrent cycle it triggers (pauses of this
        // JVM of up to 350 ms were seen; the clock starts only at the first committed batch anyway). It
        // relies on bin/bench's fixed heap (-Xms = -Xmx): a heap that shrinks after this collection made
        // every ledger run that followed fault it back in at half speed
        System.gc();
        long jitBefore = JIT.getTotalCompilationTime();
        long gcBefore = gcMillis();
        long seen = 0;
        long firstCount = -1;
        long firstAt = 0;
        long lastAt = 0;
        long cpuAtFirst = 0;
        long cpuNanos = 0;
        Properties config = shippedSettings ? streamsConfig("bench-" + System.nanoTime(), state)
                : kafkaDefaultsBut("bench-" + System.nanoTime(), state);
        try (KafkaStreams streams = new KafkaStreams(topology, config); ProgressBar bar = new ProgressBar(name, expected)) {
            streams.start();
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (seen < expected) {
                if (System.nanoTime() > giveUp || streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException(name + ": only " + seen + " of " + expected + " outputs, streams "
                            + streams.state());
                }
                var batch = out.poll(Duration.ofMillis(50));
                if (batch.isEmpty()) {
                    continue;
                }
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : batch) {
                    outputs.add(r.value());
                }
                seen += batch.count();
                if (firstCount < 0) {
                    // the clock starts at the first committed transaction: start-up and rebalance are not decisions
                    firstCount = seen;
                    firstAt = now;
                    cpuAtFirst = streamThreadCpuNanos();
                }
                lastAt = now;
                bar.stepTo(seen);
            }
            cpuNanos = streamThreadCpuNanos() - cpuAtFirst;
            streams.close(Duration.ofSeconds(30));
        } finally {
            KafkaClients.deleteTree(state);
        }
        double seconds = (lastAt - firstAt) / 1e9;
        long records = seen - firstCount;
        // a run during which the JIT still compiles much measures the compiler as well (two shared cores)
        double cpuMicros = cpuNanos / 1e3 / records;
        System.out.printf("%s: %.0f /s, %.1f us of stream-thread CPU each, %,d ms of JIT compilation and %,d ms of"
                + " collections in this JVM meanwhile%n", name, records / seconds, cpuMicros,
                JIT.getTotalCompilationTime() - jitBefore, gcMillis() - gcBefore);
        return new Measured(name, records, seconds, records / seconds, 0, cpuMicros);
    }

    private Properties streamsConfig(String applicationId, Path state) {
        // every Streams setting ledger-app ships (its application.yml), then what this run varies
        Properties p = ShippedStreamsSettings.load();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.streams."))
                .forEach(k -> p.put(k.substring("bench.streams.".length()), System.getProperty(k)));
        return p;
    }

    /** Kafka Streams' own settings but for what the ledger's target fixes: the guarantee and commit interval. */
    private Properties kafkaDefaultsBut(String applicationId, Path state) {
        Properties p = new Properties();
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return p;
    }

    private void preload(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = KafkaClients.loader(bootstrap)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** Fresh, empty topics for every run: deleted if they exist, then created. */
    private void recreate(List<NewTopic> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> names = new java.util.HashSet<>(topics.stream().map(NewTopic::name).toList());
            Set<String> existing = admin.listTopics().names().get();
            names.retainAll(existing);
            if (!names.isEmpty()) {
                admin.deleteTopics(names).all().get();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (admin.listTopics().names().get().stream().anyMatch(names::contains)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topics not deleted: " + names);
                    }
                    Thread.sleep(100);
                }
            }
            // a just-deleted name can be refused for a moment: create what is missing until nothing is
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                Set<String> present = admin.listTopics().names().get();
                List<NewTopic> missing = topics.stream().filter(t -> !present.contains(t.name())).toList();
                if (missing.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("could not create " + missing);
                }
                try {
                    admin.createTopics(missing).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Thread.sleep(250);
                }
            }
        }
    }
}
