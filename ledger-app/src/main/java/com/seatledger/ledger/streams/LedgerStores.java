package com.seatledger.ledger.streams;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import com.seatledger.ledger.core.LedgerTables;
import com.seatledger.ledger.core.OrderRecord;
import com.seatledger.ledger.core.ProcessedCommand;
import com.seatledger.ledger.core.SeatRecord;
import com.seatledger.ledger.core.ShowRecord;
import com.seatledger.topics.json.JsonSerde;
import com.seatledger.topics.message.Hold;

/**
 * The ledger's state: one RocksDB store per task (changelogged), holding every {@link LedgerTables}
 * member as its own key range ({@link KafkaTable}'s tag). One store instead of one per table: a task
 * opens, restores and checkpoints one RocksDB instance, which is most of what a restarted or
 * failed-over instance waits for before it decides again (nine stores per partition took seconds).
 */
final class LedgerStores {

    static final String STATE = "ledger-state";

    static List<StoreBuilder<?>> builders() {
        return List.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled());
    }

    static LedgerTables tables(ProcessorContext<?, ?> context) {
        KeyValueStore<String, byte[]> store = context.getStateStore(STATE);
        return new LedgerTables(
                table(store, "sh|", JsonSerde.of(ShowRecord.class)),
                table(store, "se|", JsonSerde.of(SeatRecord.class)),
                table(store, "ho|", JsonSerde.of(Hold.class)),
                table(store, "hx|", Serdes.String()),
                table(store, "or|", JsonSerde.of(OrderRecord.class)),
                table(store, "ha|", Serdes.Integer()),
                table(store, "pc|", JsonSerde.of(ProcessedCommand.class)),
                table(store, "px|", Serdes.String()),
                table(store, "sd|", Serdes.Long()));
    }

    private static <V> KafkaTable<V> table(KeyValueStore<String, byte[]> store, String tag, Serde<V> values) {
        return new KafkaTable<>(store, tag, values);
    }

    private LedgerStores() {
    }
}
