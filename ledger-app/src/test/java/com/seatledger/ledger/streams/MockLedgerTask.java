package com.seatledger.ledger.streams;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import com.seatledger.ledger.core.Ledger;

/** One ledger task driven by hand: the real {@link LedgerProcessor} on Kafka Streams' mock context, in-memory stores. */
final class MockLedgerTask {

    final MockProcessorContext<Object, Object> context;
    final LedgerProcessor processor;

    MockLedgerTask(String applicationId) {
        // the shipped Streams settings (commit interval, guarantee, ...), as the ledger runs with them
        Properties config = com.seatledger.ledger.app.ShippedStreamsSettings.load();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        context = new MockProcessorContext<>(config);
        for (String name : List.of(LedgerStores.STATE, LedgerStores.RECENT)) {
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        processor = new LedgerProcessor(LedgerSettings.DEFAULTS, Ledger::new, LedgerMetrics.NONE,
                java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory()));
        processor.init(context);
    }

    /** The command's JSON as a record of show {@code s1}, decided at {@code at}. */
    void process(long at, byte[] command) {
        context.setCurrentSystemTimeMs(at);
        processor.process(new Record<>("s1".getBytes(StandardCharsets.UTF_8), command, at));
    }
}
