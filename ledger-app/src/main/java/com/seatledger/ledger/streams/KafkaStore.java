package com.seatledger.ledger.streams;

import java.util.function.BiPredicate;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.seatledger.ledger.core.LedgerStore;

/** The ledger's {@link LedgerStore} as the task's Kafka Streams store (RocksDB, changelogged). */
final class KafkaStore implements LedgerStore {

    private final KeyValueStore<String, byte[]> store;

    KafkaStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    @Override
    public byte[] get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public void scan(String from, String to, BiPredicate<String, byte[]> visitor) {
        // range() includes its upper bound; LedgerStore's is exclusive
        try (KeyValueIterator<String, byte[]> it = store.range(from, to)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (kv.key.equals(to) || !visitor.test(kv.key, kv.value)) {
                    return;
                }
            }
        }
    }
}
