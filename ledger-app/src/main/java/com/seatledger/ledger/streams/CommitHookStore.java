package com.seatledger.ledger.streams;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import com.seatledger.ledger.core.PendingPuts;

/**
 * The outermost layer of each ledger store: runs its {@link PendingPuts}' writes just before Kafka
 * Streams flushes the store's record cache as the task commits, so what the ledger held back joins
 * the commit's transaction with the outputs and input offsets (and a crash loses it with them).
 *
 * <p>Kafka Streams has no public hook at that moment. Its state manager calls {@code flushCache()}
 * on every registered store in {@code StreamTask.prepareCommit} (every commit, clean close and
 * revocation), and the registered store is the outermost layer ({@code WrappedStateStore} passes
 * itself down as the root to register); this class is that layer. If it is ever not found under
 * the store a processor gets, {@link LedgerStores} puts at once instead (slower, never wrong).
 * {@code LedgerTopologyTest.heldBackPagesAndBatchesReachTheChangelogsInTheCommit} fails if the hook
 * stops writing.
 */
final class CommitHookStore extends WrappedStateStore<KeyValueStore<String, byte[]>, String, byte[]>
        implements KeyValueStore<String, byte[]> {

    private PendingPuts pending;

    CommitHookStore(KeyValueStore<String, byte[]> store) {
        super(store);
    }

    /** The processor's held-back puts for this store (a revived task's processor brings new ones). */
    void writeBeforeCommit(PendingPuts puts) {
        this.pending = puts;
    }

    /** The hook under the store the processor context hands out, or null. */
    static CommitHookStore under(StateStore store) {
        StateStore s = store;
        while (!(s instanceof CommitHookStore) && s instanceof WrappedStateStore<?, ?, ?> w) {
            s = w.wrapped();
        }
        return s instanceof CommitHookStore hook ? hook : null;
    }

    private void writePending() {
        if (pending != null) {
            pending.writePending();
        }
    }

    @Override
    public void flushCache() {
        writePending();
        super.flushCache();
    }

    @Override
    public void flush() {
        writePending();
        super.flush();
    }

    @Override
    public void close() {
        // not written: a close without a commit before it (a failed task) must lose what was pending
        pending = null;
        super.close();
    }

    @Override
    public void put(String key, byte[] value) {
        wrapped().put(key, value);
    }

    @Override
    public byte[] putIfAbsent(String key, byte[] value) {
        return wrapped().putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<String, byte[]>> entries) {
        wrapped().putAll(entries);
    }

    @Override
    public byte[] delete(String key) {
        return wrapped().delete(key);
    }

    @Override
    public byte[] get(String key) {
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    /** Builds the store as {@code inner} does, with this layer on top. */
    record Builder(StoreBuilder<KeyValueStore<String, byte[]>> inner) implements StoreBuilder<KeyValueStore<String, byte[]>> {

        @Override
        public StoreBuilder<KeyValueStore<String, byte[]>> withCachingEnabled() {
            inner.withCachingEnabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, byte[]>> withCachingDisabled() {
            inner.withCachingDisabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public KeyValueStore<String, byte[]> build() {
            return new CommitHookStore(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
