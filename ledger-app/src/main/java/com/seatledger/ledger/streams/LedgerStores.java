package com.seatledger.ledger.streams;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.seatledger.ledger.core.LedgerStore;
import com.seatledger.ledger.core.PendingPuts;

/**
 * The ledger's durable state: two RocksDB stores per task, changelogged, both with Kafka Streams'
 * record cache.
 * <ul>
 * <li>{@value #STATE}: layouts, checkpoints and journal pages (the core's {@code Journal});
 * <li>{@value #RECENT}: idempotency records in batches (the core's {@code RecentCommands}).
 * </ul>
 * A journal page and an idempotency batch are rewritten by every command that joins them; the
 * ledger holds those rewrites back until the task commits ({@link CommitHookStore}) and the cache
 * turns what reaches it into one changelog record per page or batch and commit, so a command costs
 * no store put at all for them, and a crashed task restores a record per page of commands instead
 * of one per command. The stores are kept apart so that a checkpoint's
 * deletes and a day of batches going never share a compaction cycle (and a store can be tuned alone).
 */
final class LedgerStores {

    static final String STATE = "ledger-state";
    static final String RECENT = "ledger-recent-commands";

    private static final Logger log = LoggerFactory.getLogger(LedgerStores.class);

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
        return List.of(builder(Stores.persistentKeyValueStore(STATE)), builder(Stores.persistentKeyValueStore(RECENT)));
    }

    private static StoreBuilder<KeyValueStore<String, byte[]>> builder(KeyValueBytesStoreSupplier supplier) {
        return new CommitHookStore.Builder(Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(CHANGELOG)
                .withCachingEnabled());
    }

    static LedgerStore shows(ProcessorContext<?, ?> context) {
        return open(context.getStateStore(STATE));
    }

    static LedgerStore recent(ProcessorContext<?, ?> context) {
        return open(context.getStateStore(RECENT));
    }

    /**
     * The task's store for the ledger, holding back the rewrites of open pages and batches until
     * the commit ({@link CommitHookStore}); putting at once should the hook not be there.
     */
    private static LedgerStore open(KeyValueStore<String, byte[]> store) {
        KafkaStore kafka = new KafkaStore(store);
        CommitHookStore hook = CommitHookStore.under(store);
        if (hook == null) {
            log.warn("store {} has no commit hook: its open pages are put on every command", store.name());
            return kafka;
        }
        PendingPuts pending = new PendingPuts(kafka);
        hook.writeBeforeCommit(pending);
        return pending;
    }

    private LedgerStores() {
    }
}
