package com.seatledger.ledger.streams;

import java.util.List;
import java.util.function.Function;

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

/** The ledger's persistent stores: one RocksDB store per {@link LedgerTables} member, all changelogged. */
final class LedgerStores {

    static final String SHOWS = "shows";
    static final String SEATS = "seats";
    static final String HOLDS = "holds";
    static final String HOLD_EXPIRY = "hold-expiry";
    static final String ORDERS = "orders";
    static final String HELD_BY_ACTOR = "held-by-actor";
    static final String COMMANDS = "processed-commands";
    static final String COMMAND_EXPIRY = "processed-command-expiry";
    static final String SNAPSHOTS_DUE = "snapshots-due";

    static List<StoreBuilder<?>> builders() {
        return List.of(
                store(SHOWS, JsonSerde.of(ShowRecord.class)),
                store(SEATS, JsonSerde.of(SeatRecord.class)),
                store(HOLDS, JsonSerde.of(Hold.class)),
                store(HOLD_EXPIRY, Serdes.String()),
                store(ORDERS, JsonSerde.of(OrderRecord.class)),
                store(HELD_BY_ACTOR, Serdes.Integer()),
                store(COMMANDS, JsonSerde.of(ProcessedCommand.class)),
                store(COMMAND_EXPIRY, Serdes.String()),
                store(SNAPSHOTS_DUE, Serdes.Long()));
    }

    static String[] names() {
        return builders().stream().map(StoreBuilder::name).toArray(String[]::new);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }

    static LedgerTables tables(ProcessorContext<?, ?> context) {
        Function<String, KafkaTable<Object>> t = name -> new KafkaTable<>(context.getStateStore(name));
        return new LedgerTables(cast(t.apply(SHOWS)), cast(t.apply(SEATS)), cast(t.apply(HOLDS)),
                cast(t.apply(HOLD_EXPIRY)), cast(t.apply(ORDERS)), cast(t.apply(HELD_BY_ACTOR)),
                cast(t.apply(COMMANDS)), cast(t.apply(COMMAND_EXPIRY)), cast(t.apply(SNAPSHOTS_DUE)));
    }

    @SuppressWarnings("unchecked")
    private static <V> KafkaTable<V> cast(KafkaTable<Object> table) {
        return (KafkaTable<V>) (KafkaTable<?>) table;
    }

    private LedgerStores() {
    }
}
