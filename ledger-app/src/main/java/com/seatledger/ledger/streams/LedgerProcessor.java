package com.seatledger.ledger.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;

import org.apache.kafka.common.header.internals.RecordHeaders;
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

    private final LedgerSettings settings;
    private final BiFunction<LedgerStore, LedgerStore, Ledger> ledgers;
    private final LedgerMetrics metrics;
    private final ExecutorService snapshotBuilder;
    private TaskMeters meters;
    private long initNanos;
    /** A decision after this long without one is committed at once (0: never): the commit interval. */
    private long quietMillis;
    private ProcessorContext<Object, Object> context;
    private Ledger ledger;
    private ShowSnapshots snapshots;
    private SnapshotWriter snapshotWriter;
    private ExpiryTick tick;

    /**
     * {@code ledgers} builds the ledger over the task's two stores (tests wrap it to inject faults);
     * {@code snapshotBuilder} builds the snapshot passes of every task of the instance.
     */
    LedgerProcessor(LedgerSettings settings, BiFunction<LedgerStore, LedgerStore, Ledger> ledgers,
            LedgerMetrics metrics, ExecutorService snapshotBuilder) {
        this.settings = settings;
        this.ledgers = ledgers;
        this.metrics = metrics;
        this.snapshotBuilder = snapshotBuilder;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        // init runs again when a task is revived after its state was rolled back, so the ledger's
        // working state is loaded from the store (checkpoints + journal) every time: each show when
        // a command names it or a punctuation gets to it
        this.context = context;
        this.quietMillis = QuietCommits.quietMillis(context, settings.quietCommits());
        long started = System.nanoTime();
        this.ledger = ledgers.apply(LedgerStores.shows(context), LedgerStores.recent(context));
        this.snapshots = new ShowSnapshots(ledger);
        this.snapshotWriter = new SnapshotWriter(snapshots, snapshotBuilder, settings, context.taskId().toString());
        initNanos = System.nanoTime() - started;
        this.meters = new TaskMeters(metrics, context.taskId().toString(), initNanos);
        log.info("task {} has {} shows, loading them as they are named (idempotency index {} ms)", context.taskId(),
                ledger.reads().showCount(), initNanos / 1_000_000);
        tick = new ExpiryTick(context, settings.punctuateInterval(), this::punctuate);
        tick.start();
        context.schedule(settings.snapshotInterval(), PunctuationType.WALL_CLOCK_TIME, this::snapshot);
    }

    /** The snapshot punctuation: writes the last pass if it is still pending, then begins the next ({@link SnapshotWriter}). */
    private void snapshot(long wallClockMillis) {
        snapshotWriter.write(true, wallClockMillis, context, SNAPSHOTS);
        if (!tick.running()) {
            // idle: the tick's slow chores
            ledger.forgetProcessed(Instant.ofEpochMilli(wallClockMillis));
            meters.report(ledger);
        }
        if (snapshotWriter.begin(wallClockMillis)) {
            tick.start(); // it writes the pass
        }
    }

    private void punctuate(long wallClockMillis) {
        snapshotWriter.write(false, wallClockMillis, context, SNAPSHOTS);
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        if (LoadPacer.loadNext(ledger, wallClockMillis, settings.punctuateInterval().toMillis())) {
            log.info("task {} loaded its {} shows ({} ms of loading)", context.taskId(), ledger.showsLoaded(),
                    (initNanos + ledger.loadNanos()) / 1_000_000);
        }
        List<ShowEvent> expired = ledger.expireDue(now);
        if (!expired.isEmpty()) {
            QuietCommits.commitIfQuiet(context, wallClockMillis, quietMillis);
        }
        publish(expired);
        ledger.forgetProcessed(now);
        meters.report(ledger);
        tick.stopIf(ledger.reads().activeHolds() == 0 && ledger.waitingShows() == 0 && !snapshotWriter.pending());
    }

    @Override
    public void close() {
        if (snapshotWriter != null) {
            snapshotWriter.close();
        }
        if (ledger != null) {
            meters.closed(ledger);
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        tick.start();
        QuietCommits.commitIfQuiet(context, context.currentSystemTimeMs(), quietMillis);
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
        log.warn("dead-lettered a record of {}: {}", context.recordMetadata().map(Object::toString).orElse("?"),
                error);
        context.forward(DeadLetters.of(record, error, cause, context.recordMetadata()), DLQ);
    }
}
