package com.seatledger.ledger.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.seatledger.ledger.core.Decision;
import com.seatledger.ledger.core.Ledger;
import com.seatledger.ledger.core.LedgerStore;
import com.seatledger.ledger.core.ShowSnapshots;
import com.seatledger.ledger.core.StoreFailure;
import com.seatledger.topics.Topics.DlqHeaders;
import com.seatledger.topics.json.CommandCodec;
import com.seatledger.topics.json.CommandCodec.Invalid;
import com.seatledger.topics.json.CommandCodec.Parsed;
import com.seatledger.topics.json.CommandCodec.Poison;
import com.seatledger.topics.json.CommandCodec.Valid;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.ShowEvent;

/**
 * Adapts records, stores and the wall clock to the {@link Ledger}. Reads raw bytes so that no
 * record can fail before it is seen: poison goes to the DLQ and the stream goes on.
 */
final class LedgerProcessor implements Processor<byte[], byte[], Object, Object> {

    static final String RESULTS = "results";
    static final String EVENTS = "events";
    static final String DLQ = "dlq";
    static final String SNAPSHOTS = "snapshots";

    private static final Logger log = LoggerFactory.getLogger(LedgerProcessor.class);
    /**
     * How long a stream thread may spend per punctuation interval loading shows nothing has named
     * since their task started (one show at a time, {@link LoadPacer}): the rest of the time it
     * decides, so the first commands after a restart wait for their own show's load, not for every
     * show of every task.
     */
    static final Duration LOAD_BUDGET = Duration.ofMillis(50);
    /** Kafka Streams' commit interval under exactly_once_v2 when none is configured. */
    private static final long EOS_DEFAULT_COMMIT_INTERVAL_MS = 100;

    private final LedgerSettings settings;
    private final BiFunction<LedgerStore, LedgerStore, Ledger> ledgers;
    private final LedgerMetrics metrics;
    private long reportedEntries;
    private long reportedCheckpoints;
    private long reportedLoads;
    private long reportedLoadNanos;
    private long initNanos;
    /** A decision after this long without one is committed at once (0: never): the commit interval. */
    private long quietMillis;
    private ProcessorContext<Object, Object> context;
    private Ledger ledger;
    private ShowSnapshots snapshots;
    /** a snapshot pass begun and not yet written, and its snapshots being built */
    private ShowSnapshots.Pass snapshotPass;
    private Future<List<Built>> snapshotBytes;
    private long snapshotBegun;
    /** the expiry tick ({@link #punctuate}); null while the task is idle */
    private Cancellable tick;

    /** One show's snapshot, serialised off the stream thread. */
    private record Built(String showId, byte[] json) {
    }

    /** Builds and serialises snapshot passes for every task of this instance, one pass at a time. */
    private static final ExecutorService BUILDER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("ledger-snapshots").factory());

    /** {@code ledgers} builds the ledger over the task's two stores (tests wrap it to inject faults). */
    LedgerProcessor(LedgerSettings settings, BiFunction<LedgerStore, LedgerStore, Ledger> ledgers,
            LedgerMetrics metrics) {
        this.settings = settings;
        this.ledgers = ledgers;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        // init runs again when a task is revived after its state was rolled back, so the ledger's
        // working state is loaded from the store (checkpoints + journal) every time: each show when
        // a command names it or a punctuation gets to it
        this.context = context;
        this.quietMillis = settings.quietCommits() ? commitIntervalMillis(context) : 0;
        long started = System.nanoTime();
        this.ledger = ledgers.apply(LedgerStores.shows(context), LedgerStores.recent(context));
        this.snapshots = new ShowSnapshots(ledger);
        reportedEntries = 0;
        reportedCheckpoints = 0;
        reportedLoads = 0;
        reportedLoadNanos = 0;
        initNanos = System.nanoTime() - started;
        metrics.loaded(context.taskId().toString(), 0, initNanos);
        log.info("task {} has {} shows, loading them as they are named (idempotency index {} ms)", context.taskId(),
                ledger.showCount(), initNanos / 1_000_000);
        tick = null;
        tick();
        context.schedule(settings.snapshotInterval(), PunctuationType.WALL_CLOCK_TIME, this::snapshot);
    }

    /** Starts the expiry tick unless it runs. */
    private void tick() {
        if (tick == null) {
            tick = context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
        }
    }

    /**
     * Stops the tick while the task has nothing it could do on one: no active hold to expire, no show
     * to load, no snapshot pass to write. Kafka Streams commits a task after every wall-clock
     * punctuation, whatever it did, so every idle task of an idle ledger ran a transaction five times a
     * second (bench latency: ~60 ms of the ledger's CPU per second and as much of the broker's). A
     * command starts it again ({@link #process}), and so does a snapshot pass.
     */
    private void idleIfNothingToDo() {
        if (tick != null && ledger.activeHolds() == 0 && ledger.waitingShows() == 0 && snapshotPass == null) {
            tick.cancel();
            tick = null;
        }
    }

    private static long commitIntervalMillis(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return configured == null ? EOS_DEFAULT_COMMIT_INTERVAL_MS : Long.parseLong(configured.toString().trim());
    }

    /**
     * Begins a snapshot pass: the stream thread only copies each changed show's state; the snapshots
     * are built and serialised on {@link #BUILDER} ({@link PacedOutput}) and written by the first
     * punctuation that finds them ready ({@link #writeSnapshots}), in whatever transaction is open then,
     * with the pass's marks and {@code coveredUntil}. Built here, a 50,000-seat show with its holds stopped every decision of
     * the stream thread for 100-500 ms every snapshot interval.
     */
    private void snapshot(long wallClockMillis) {
        writeSnapshots(true, wallClockMillis);
        if (tick == null) {
            // idle: the tick's slow chores
            ledger.forgetProcessed(Instant.ofEpochMilli(wallClockMillis));
            reportWrites();
        }
        long started = System.nanoTime();
        ShowSnapshots.Pass pass = snapshots.begin(Instant.ofEpochMilli(wallClockMillis));
        if (pass != null) {
            log.debug("task {}: snapshot pass begun, the shows' state copied in {} µs", context.taskId(),
                    (System.nanoTime() - started) / 1_000);
            snapshotPass = pass;
            snapshotBegun = wallClockMillis;
            snapshotBytes = BUILDER.submit(() -> pass.shows().stream().map(LedgerProcessor::serialise).toList());
            tick(); // it writes the pass
        }
    }

    private static Built serialise(ShowSnapshots.Frozen show) {
        PacedOutput out = new PacedOutput(show.estimatedBytes());
        show.writeJson(out);
        return new Built(show.showId(), out.toByteArray());
    }

    /**
     * Writes the pass begun by {@link #snapshot} once its bytes are built, from the next punctuation
     * on. Waits for them only when
     * the next pass begins or the pass is half a snapshot interval old: all tasks of the instance
     * share one builder, and a punctuation that waited for a pass queued behind other tasks' big
     * shows would stall its stream thread just as building on it did.
     */
    private void writeSnapshots(boolean wait, long wallClockMillis) {
        ShowSnapshots.Pass pass = snapshotPass;
        long age = wallClockMillis - snapshotBegun;
        // never in the round of punctuations that began the pass: what is written when stays a
        // function of the wall clock, not of how fast the builder happened to be
        if (pass == null || !wait && (age < settings.punctuateInterval().toMillis()
                || !snapshotBytes.isDone() && age < settings.snapshotInterval().toMillis() / 2)) {
            return;
        }
        snapshotPass = null;
        List<Built> built;
        try {
            built = snapshotBytes.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            snapshots.abandon(pass);
            return;
        } catch (ExecutionException e) {
            // a bug in building: the shows stay marked and the next pass tries them again
            log.error("task {}: a snapshot pass failed; its shows are snapshotted again next time", context.taskId(),
                    e.getCause());
            snapshots.abandon(pass);
            return;
        }
        long ts = pass.coveredUntil.toEpochMilli();
        long bytes = 0;
        long forwarding = System.nanoTime();
        for (Built b : built) {
            if (!pass.dropped(b.showId())) {
                context.forward(new Record<>(b.showId(), b.json(), ts, new RecordHeaders()), SNAPSHOTS);
                bytes += b.json().length;
            }
        }
        // the forward is the stream thread's share of writing them (the producer's send, compression if any)
        log.debug("task {}: wrote {} snapshots, {} bytes, of a pass begun {} ms ago, sent in {} µs", context.taskId(),
                built.size(), bytes, age, (System.nanoTime() - forwarding) / 1_000);
        snapshots.finish(pass);
    }

    private void punctuate(long wallClockMillis) {
        writeSnapshots(false, wallClockMillis);
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        LoadPacer pacer = LoadPacer.forThisThread(settings.punctuateInterval().toMillis(), LOAD_BUDGET.toNanos());
        if (ledger.waitingShows() > 0 && pacer.mayLoad(wallClockMillis)) {
            long started = System.nanoTime();
            ledger.loadNextWaiting();
            pacer.spent(System.nanoTime() - started);
            if (ledger.waitingShows() == 0) {
                log.info("task {} loaded its {} shows ({} ms of loading)", context.taskId(), ledger.showsLoaded(),
                        (initNanos + ledger.loadNanos()) / 1_000_000);
            }
        }
        List<ShowEvent> expired = ledger.expireDue(now);
        if (!expired.isEmpty()) {
            commitIfQuiet(wallClockMillis);
        }
        publish(expired);
        ledger.forgetProcessed(now);
        reportWrites();
        idleIfNothingToDo();
    }

    /** A decision after a quiet commit interval is committed after this record, not at the next interval. */
    private void commitIfQuiet(long nowMillis) {
        QuietCommits quiet = QuietCommits.forThisThread();
        if (quiet.decidedAfterQuiet(context.taskId(), nowMillis, quietMillis,
                () -> quiet.commitLatencyMillis(context))) {
            context.commit();
        }
    }

    private void reportWrites() {
        long entries = ledger.journalEntriesWritten();
        long checkpoints = ledger.checkpointsWritten();
        metrics.written(entries - reportedEntries, checkpoints - reportedCheckpoints);
        reportedEntries = entries;
        reportedCheckpoints = checkpoints;
        long loads = ledger.showsLoaded();
        if (loads > reportedLoads) {
            metrics.loaded(context.taskId().toString(), (int) (loads - reportedLoads),
                    ledger.loadNanos() - reportedLoadNanos);
            reportedLoads = loads;
            reportedLoadNanos = ledger.loadNanos();
        }
        metrics.size(context.taskId().toString(), ledger.showCount(), ledger.activeHolds());
    }

    @Override
    public void close() {
        // a pass not written yet is dropped: its shows' marks are still in the store, the next instance
        // of this task snapshots them
        if (snapshotBytes != null) {
            snapshotBytes.cancel(false);
        }
        snapshotPass = null;
        if (ledger != null) {
            reportWrites();
            metrics.closed(context.taskId().toString());
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        tick();
        commitIfQuiet(context.currentSystemTimeMs());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Parsed parsed = CommandCodec.parse(record.value());
        switch (parsed) {
            case Poison p -> {
                deadLetter(record, p.message(), p.cause());
                if (p.commandId() != null && p.showId() != null) {
                    reply(record, CommandResult.rejected(p.commandId(), p.showId(), null, ResultCode.INVALID_COMMAND,
                            p.message(), List.of()));
                }
            }
            case Invalid i -> reply(record, CommandResult.rejected(i.commandId(), i.showId(), i.type(),
                    ResultCode.INVALID_COMMAND, i.message(), List.of()));
            case Valid(Command command) -> decide(record, command, key, now);
        }
    }

    private void decide(Record<byte[], byte[]> record, Command command, String key, Instant now) {
        if (!Objects.equals(key, command.showId())) {
            // another key would put this show's commands on another partition, out of order
            reply(record, Ledger.rejected(command, ResultCode.INVALID_COMMAND,
                    "record key must be the showId " + command.showId() + " but was " + key));
            return;
        }
        Decision decision;
        long started = System.nanoTime();
        try {
            decision = ledger.decide(command, now);
        } catch (StoreFailure e) {
            throw e; // not the command's fault: abort the transaction, the task reloads
        } catch (RuntimeException e) {
            // a bug, not a rule: park the command rather than crash-loop the stream thread on it
            log.error("could not decide command {} of show {}", command.commandId(), command.showId(), e);
            deadLetter(record, "ledger failed on this command: " + e, e);
            reply(record, Ledger.rejected(command, ResultCode.INVALID_COMMAND, "the ledger could not decide it"));
            return;
        }
        CommandResult result = decision.result();
        metrics.decided(command.type(), result.outcome(), result.code(), System.nanoTime() - started);
        publish(decision.events());
        reply(record, result);
    }

    private void publish(List<ShowEvent> events) {
        // never before the last snapshot pass's coveredUntil: readers seek seat-status by it
        long ts = snapshots.stamp(context.currentSystemTimeMs());
        for (ShowEvent e : events) {
            if (e.cause() == Cause.EXPIRE && e.hold() != null) {
                metrics.expired(e.at().toEpochMilli() - e.hold().expiresAt().toEpochMilli());
            }
            context.forward(new Record<>(e.showId(), e, ts, new RecordHeaders()), EVENTS);
            if (e.cause() == Cause.ARCHIVE) {
                // the show's snapshot goes too: a tombstone, so compaction removes it from seat-snapshots
                snapshots.archived(e.showId());
                context.forward(new Record<>(e.showId(), null, ts, new RecordHeaders()), SNAPSHOTS);
            } else {
                snapshots.changed(e.showId(), e.at());
            }
        }
    }

    /** The request's headers go back with the result: ReplyingKafkaTemplate correlates on them. */
    private void reply(Record<byte[], byte[]> request, CommandResult result) {
        context.forward(new Record<>(result.showId(), result, context.currentSystemTimeMs(),
                new RecordHeaders(request.headers().toArray())), RESULTS);
    }

    private void deadLetter(Record<byte[], byte[]> record, String error, Exception cause) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DlqHeaders.ERROR, error.getBytes(StandardCharsets.UTF_8));
        if (cause != null) {
            headers.add(DlqHeaders.EXCEPTION, cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        }
        context.recordMetadata().ifPresent(m -> {
            headers.add(DlqHeaders.TOPIC, m.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(DlqHeaders.PARTITION, Integer.toString(m.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(DlqHeaders.OFFSET, Long.toString(m.offset()).getBytes(StandardCharsets.UTF_8));
        });
        log.warn("dead-lettered a record of {}: {}", context.recordMetadata().map(Object::toString).orElse("?"),
                error);
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), DLQ);
    }
}
