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
 * The ledger's durable state: two RocksDB stores per task, changelogged.
 * <ul>
 * <li>{@value #STATE}: layouts, checkpoints and journals (the core's {@code Journal}). No record
 * cache: the working state is in memory and every write is a distinct key (a journal slot), so the
 * cache would only add a sorted-map insert per write and a copy per commit.
 * <li>{@value #RECENT}: idempotency records in batches (the core's {@code RecentCommands}), with the
 * record cache: a batch is rewritten by every command that joins it, and the cache turns those
 * rewrites into one changelog record per batch and commit, so a crashed task restores a record per
 * batch of commands instead of one per command.
 * </ul>
 */
final class LedgerStores {

    static final String STATE = "ledger-state";
    static final String RECENT = "ledger-recent-commands";

    /** Layout and checkpoint chunks and batches are up to 256 KB: above the broker's default record size. */
    private static final Map<String, String> CHANGELOG = Map.of(
            "max.message.bytes", "2097152",
            // small segments and an eager cleaner: journal slots and batches are overwritten in place, so
            // compaction keeps the changelog (what a crashed task restores) near the live state
            // instead of the whole history; only the active segment is never compacted
            "segment.bytes", "16777216",
            "min.cleanable.dirty.ratio", "0.1");

    static List<StoreBuilder<?>> builders() {
        return List.of(
                builder(Stores.persistentKeyValueStore(STATE)).withCachingDisabled(),
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
