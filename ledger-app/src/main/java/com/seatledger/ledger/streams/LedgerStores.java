package com.seatledger.ledger.streams;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import com.seatledger.ledger.core.LedgerStore;

/**
 * The ledger's durable state: one RocksDB store per task, changelogged (what lives in it: the core's
 * {@code Journal}). One store, not one per kind of record: a task opens, restores and checkpoints
 * one RocksDB instance, which is most of what a restarted or failed-over instance waits for.
 *
 * <p>No record cache: the working state is in memory and every write is a distinct key (a journal
 * slot, a command's idempotency record), so the cache would only add a sorted-map insert per write
 * and a copy per commit.
 */
final class LedgerStores {

    static final String STATE = "ledger-state";

    static List<StoreBuilder<?>> builders() {
        return List.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE), Serdes.String(),
                Serdes.ByteArray()).withCachingDisabled()
                .withLoggingEnabled(Map.of(
                        // layout and checkpoint chunks are up to 256 KB: above the broker's default record size
                        "max.message.bytes", "2097152",
                        // small segments and an eager cleaner: journal slots are overwritten in place, so
                        // compaction keeps the changelog (what a crashed task restores) near the live state
                        // instead of the whole history; only the active segment is never compacted
                        "segment.bytes", "16777216",
                        "min.cleanable.dirty.ratio", "0.1")));
    }

    static LedgerStore store(ProcessorContext<?, ?> context) {
        KeyValueStore<String, byte[]> store = context.getStateStore(STATE);
        return new KafkaStore(store);
    }

    private LedgerStores() {
    }
}
