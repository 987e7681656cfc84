package com.seatledger.ledger.streams;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import com.seatledger.ledger.core.LedgerStore;

/**
 * The ledger's durable state: two RocksDB stores per task, changelogged, both with Kafka Streams'
 * record cache.
 * <ul>
 * <li>{@value #STATE}: layouts, checkpoints and journal pages (the core's {@code Journal});
 * <li>{@value #RECENT}: idempotency records in batches (the core's {@code RecentCommands}).
 * </ul>
 * A journal page and an idempotency batch are rewritten by every command that joins them; the cache
 * turns those rewrites into one changelog record per page or batch and commit, so a command costs
 * two in-memory puts rather than two changelog records, and a crashed task restores a record per
 * page of commands instead of one per command. The stores are kept apart so that a checkpoint's
 * deletes and a day of batches going never share a compaction cycle (and a store can be tuned alone).
 */
final class LedgerStores {

    static final String STATE = "ledger-state";
    static final String RECENT = "ledger-recent-commands";

    /** Layout and checkpoint chunks and batches are up to 256 KB: above the broker's default record size. */
    private static final Map<String, String> CHANGELOG = Map.of(
            "max.message.bytes", "2097152",
            // small segments and an eager cleaner: checkpoints, journal pages and batches are rewritten
            // in place and pages deleted, so compaction keeps the changelog (what a crashed task
            // restores) near the live state instead of the whole history. Only closed segments are
            // compacted: at 4 MB a partition's segment closes within minutes of an on-sale's start
            // (at 16 MB the first ~10 MB of a busy partition, a million commands over 12 partitions,
            // were all still in the active segment and restored whole)
            "segment.bytes", "4194304",
            "min.cleanable.dirty.ratio", "0.1");

    static List<StoreBuilder<?>> builders() {
        return List.of(
                builder(Stores.persistentKeyValueStore(STATE)).withCachingEnabled(),
                builder(Stores.persistentKeyValueStore(RECENT)).withCachingEnabled());
    }

    private static StoreBuilder<KeyValueStore<String, byte[]>> builder(KeyValueBytesStoreSupplier supplier) {
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(CHANGELOG);
    }

    static LedgerStore shows(ProcessorContext<?, ?> context) {
        return new KafkaStore(context.getStateStore(STATE));
    }

    static LedgerStore recent(ProcessorContext<?, ?> context) {
        return new KafkaStore(context.getStateStore(RECENT));
    }

    private LedgerStores() {
    }
}
