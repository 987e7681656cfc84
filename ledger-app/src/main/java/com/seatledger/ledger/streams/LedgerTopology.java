package com.seatledger.ledger.streams;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;

import com.seatledger.ledger.core.Ledger;
import com.seatledger.ledger.core.LedgerStore;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.OutputWriters;

/**
 * seat-commands -> ledger -> seat-command-results, seat-status, seat-snapshots, seat-commands-dlq.
 * One source, one stateful processor, four sinks; with exactly_once_v2 the stores' changelogs, the three outputs
 * and the input offsets commit in one transaction.
 */
public final class LedgerTopology {

    static final String SOURCE = "commands";
    static final String LEDGER = "ledger";

    public static Topology buildTopology(LedgerSettings settings) {
        return addTo(new Topology(), settings);
    }

    /** Adds the ledger to a topology (Spring Kafka hands us the one it builds). */
    public static Topology addTo(Topology topology, LedgerSettings settings) {
        return addTo(topology, settings, LedgerMetrics.NONE);
    }

    /** With the ledger's own metrics reported to {@code metrics}. */
    public static Topology addTo(Topology topology, LedgerSettings settings, LedgerMetrics metrics) {
        return addTo(topology, settings, Ledger::new, metrics);
    }

    /** With the ledger built by {@code ledgers} over each task's stores (tests inject faults this way). */
    static Topology addTo(Topology topology, LedgerSettings settings, BiFunction<LedgerStore, LedgerStore, Ledger> ledgers,
            LedgerMetrics metrics) {
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), Topics.COMMANDS.name());
        // one builder of snapshot passes for all tasks of this topology's instance, one pass at a time
        ExecutorService snapshotBuilder = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("ledger-snapshots").factory());
        topology.addProcessor(LEDGER, () -> new LedgerProcessor(settings, ledgers, metrics, snapshotBuilder), SOURCE);
        for (StoreBuilder<?> store : LedgerStores.builders()) {
            topology.addStateStore(store, LEDGER);
        }
        topology.addSink(LedgerProcessor.RESULTS, Topics.COMMAND_RESULTS.name(), new StringSerializer(),
                OutputWriters.RESULTS, LEDGER);
        topology.addSink(LedgerProcessor.EVENTS, Topics.SEAT_STATUS.name(), new StringSerializer(),
                OutputWriters.EVENTS, LEDGER);
        // snapshots arrive serialised already (built off the stream thread); null is the archive tombstone
        topology.addSink(LedgerProcessor.SNAPSHOTS, Topics.SNAPSHOTS.name(), new StringSerializer(),
                new ByteArraySerializer(), LEDGER);
        topology.addSink(LedgerProcessor.DLQ, Topics.COMMANDS_DLQ.name(), new ByteArraySerializer(),
                new ByteArraySerializer(), LEDGER);
        return topology;
    }

    private LedgerTopology() {
    }
}
