package com.seatledger.ledger.streams;

import java.util.function.BiPredicate;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.seatledger.ledger.core.Table;

/**
 * A {@link Table} as one key range of the task's Kafka Streams store (RocksDB, changelogged): its
 * keys carry a fixed-length tag, so tables never interleave and a range within one stays a range.
 */
final class KafkaTable<V> implements Table<V> {

    private final KeyValueStore<String, byte[]> store;
    private final String tag;
    private final Serde<V> values;

    KafkaTable(KeyValueStore<String, byte[]> store, String tag, Serde<V> values) {
        this.store = store;
        this.tag = tag;
        this.values = values;
    }

    @Override
    public V get(String key) {
        return decode(store.get(tag + key));
    }

    @Override
    public void put(String key, V value) {
        store.put(tag + key, values.serializer().serialize(null, value));
    }

    @Override
    public void delete(String key) {
        store.delete(tag + key);
    }

    @Override
    public void scan(String from, String to, BiPredicate<String, V> visitor) {
        String end = tag + to;
        // range() includes its upper bound; Table's is exclusive
        try (KeyValueIterator<String, byte[]> it = store.range(tag + from, end)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (kv.key.equals(end) || !visitor.test(kv.key.substring(tag.length()), decode(kv.value))) {
                    return;
                }
            }
        }
    }

    private V decode(byte[] bytes) {
        return bytes == null ? null : values.deserializer().deserialize(null, bytes);
    }
}
