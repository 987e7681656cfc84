package com.seatledger.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

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
 * The processor runs in this JVM ({@link #BareFloor(String, Path, int)}), or in a process of its own
 * ({@link #client(String)}, {@link FloorProcess}) when a new one is measured from its first request.
 */
final class BareFloor implements AutoCloseable {

    /** Status given to a request whose reply arrived (the floor never refuses). */
    static final int REPLIED = 200;

    private final KafkaStreams streams;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> replies;
    private final Map<Integer, IntConsumer> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closing;

    /** The processor in this JVM, warmed by a short load that is not measured. */
    BareFloor(String bootstrap, Path stateRoot, int commitIntervalMs) throws Exception {
        this(bootstrap, new StreamsRun(bootstrap, stateRoot, commitIntervalMs, StreamsRun.LEDGER_CACHE_BYTES).startBaseline());
        // the processor's first records pay for its start (group join, store open): not measured
        offer(50, 2, new Histogram(3));
    }

    /** A client of a processor that runs elsewhere (its topics exist): nothing is sent before the caller's first request. */
    static BareFloor client(String bootstrap) {
        return new BareFloor(bootstrap, null);
    }

    private BareFloor(String bootstrap, KafkaStreams streams) {
        this.streams = streams;
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
        reader = Thread.ofPlatform().name("floor-replies").start(this::read);
    }

    /** Sends request {@code id}; {@code onReply} gets {@link #REPLIED} on the reader thread when its reply is committed. */
    void send(int id, IntConsumer onReply) {
        pending.put(id, onReply);
        producer.send(new ProducerRecord<>(StreamsRun.BASELINE_IN, "k" + (id % 1_000), ByteBuffer.allocate(4).putInt(id).array()));
    }

    private void read() {
        while (!closing) {
            for (ConsumerRecord<String, byte[]> r : replies.poll(Duration.ofMillis(20))) {
                IntConsumer onReply = pending.remove(ByteBuffer.wrap(r.value()).getInt());
                if (onReply != null) {
                    onReply.accept(REPLIED);
                }
            }
        }
    }

    /** {@code rate} requests/s for {@code seconds}; returns how many replies arrived (latencies into {@code h}, µs). */
    int offer(int rate, int seconds, Histogram h) {
        int n = rate * seconds;
        long period = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + 20_000_000;
        CountDownLatch received = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            long due = t0 + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(i, status -> {
                h.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                received.countDown();
            });
        }
        try {
            received.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.clear(); // replies that did not come in time are missing, not late
        return (int) (n - received.getCount());
    }

    @Override
    public void close() {
        closing = true;
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        replies.close();
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
    }
}
