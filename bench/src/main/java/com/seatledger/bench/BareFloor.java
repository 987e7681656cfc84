package com.seatledger.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The floor under the REST latency: the same request/reply over Kafka with nothing of Seat Ledger
 * in it. A producer (acks=all, idempotent) → the one-get-one-put EOS processor
 * ({@link StreamsRun#startBaseline()}: RocksDB, the ledger's settings and commit interval) → a read_committed
 * consumer, at the same offered rates and on the same broker, latency from when each request was due.
 */
final class BareFloor implements AutoCloseable {

    private final KafkaStreams streams;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> replies;

    BareFloor(String bootstrap, Path stateRoot, int commitIntervalMs) throws Exception {
        streams = new StreamsRun(bootstrap, stateRoot, commitIntervalMs, StreamsRun.LEDGER_CACHE_BYTES).startBaseline();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
        replies = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        TopicPartition out = new TopicPartition(StreamsRun.BASELINE_OUT, 0);
        replies.assign(List.of(out));
        replies.seekToEnd(List.of(out));
        replies.position(out);
        // the processor's first records pay for its start (group join, store open): not measured
        offer(50, 2, new Histogram(3));
    }

    /** {@code rate} requests/s for {@code seconds}; returns how many replies arrived (latencies into {@code h}, µs). */
    int offer(int rate, int seconds, Histogram h) {
        int n = rate * seconds;
        long[] due = new long[n];
        long period = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + 20_000_000;
        AtomicInteger received = new AtomicInteger();
        Thread reader = Thread.ofPlatform().name("floor-replies").start(() -> {
            long giveUp = t0 + TimeUnit.SECONDS.toNanos(seconds + 30L);
            while (received.get() < n && System.nanoTime() < giveUp) {
                for (ConsumerRecord<String, byte[]> r : replies.poll(Duration.ofMillis(20))) {
                    int i = ByteBuffer.wrap(r.value()).getInt();
                    if (i >= 0 && i < n) {
                        h.recordValue(Math.max(0, (System.nanoTime() - due[i]) / 1000));
                        received.incrementAndGet();
                    }
                }
            }
        });
        for (int i = 0; i < n; i++) {
            due[i] = t0 + i * period;
            long wait = due[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            producer.send(new ProducerRecord<>(StreamsRun.BASELINE_IN, "k" + (i % 1_000),
                    ByteBuffer.allocate(4).putInt(i).array()));
        }
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return received.get();
    }

    @Override
    public void close() {
        producer.close();
        replies.close();
        streams.close(Duration.ofSeconds(10));
    }
}
