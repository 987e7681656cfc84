package com.seatledger.ledger.streams;

import java.util.function.BiPredicate;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.seatledger.ledger.core.Table;

/** A {@link Table} over a Kafka Streams key-value store (RocksDB, changelogged). */
final class KafkaTable<V> implements Table<V> {

    private final KeyValueStore<String, V> store;

    KafkaTable(KeyValueStore<String, V> store) {
        this.store = store;
    }

    @Override
    public V get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public void scan(String from, String to, BiPredicate<String, V> visitor) {
        // range() includes its upper bound; Table's is exclusive
        try (KeyValueIterator<String, V> it = store.range(from, to)) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (kv.key.equals(to) || !visitor.test(kv.key, kv.value)) {
                    return;
                }
            }
        }
    }
}
