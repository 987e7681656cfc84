package com.seatledger.api.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.ShowEvent;
import com.seatledger.topics.message.ShowSnapshot;

/**
 * Keeps {@link Views} up to date from Kafka, on its own thread. Start-up: read the
 * compacted seat-snapshots topic, install each show's latest snapshot, then read each seat-status
 * partition only from shortly before the partition's newest {@code coveredUntil}, skipping events
 * the snapshots contain. If a show's events do not line up with its snapshot (a gap), the
 * partition is dropped and read again from its start, so a view is never silently wrong.
 * Both topics are read read_committed, so aborted ledger transactions are never seen.
 */
public final class StatusReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StatusReader.class);

    private final Map<String, Object> consumerConfig;
    private final Views views;
    private final Consumer<KafkaConsumer<String, byte[]>> onConsumer;
    private final Duration margin;
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile Throwable failure;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile long lastPollMillis;
    private final Set<Integer> fullReplay = new HashSet<>();
    private volatile int snapshotsLoaded;
    private volatile long eventsRead;

    /**
     * @param consumerConfig bootstrap servers and client settings; group, offsets and
     *                       deserialisers are set here
     * @param margin         how far before a partition's {@code coveredUntil} to start reading
     *                       (clock skew between ledger instances)
     */
    public StatusReader(Map<String, Object> consumerConfig, Views views, Duration margin) {
        this(consumerConfig, views, margin, consumer -> {
        });
    }

    /** {@code onConsumer}: told of the consumer once it exists (metrics). */
    public StatusReader(Map<String, Object> consumerConfig, Views views, Duration margin,
            Consumer<KafkaConsumer<String, byte[]>> onConsumer) {
        Map<String, Object> c = new HashMap<>(consumerConfig);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        this.consumerConfig = c;
        this.views = views;
        this.margin = margin;
        this.onConsumer = onConsumer;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig)) {
            consumer = c;
            onConsumer.accept(c);
            long started = System.nanoTime();
            Map<Integer, Instant> covered = loadSnapshots(c);
            List<TopicPartition> parts = partitions(c, Topics.SEAT_STATUS.name());
            c.assign(parts);
            seekCovered(c, parts, covered);
            Map<TopicPartition, Long> readyAt = c.endOffsets(parts);
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                lastPollMillis = System.currentTimeMillis();
                for (TopicPartition tp : records.partitions()) {
                    applyAll(c, tp, records.records(tp));
                }
                if (!ready && caughtUp(c, readyAt)) {
                    ready = true;
                    log.info("views ready: {} shows ({} from snapshots), {} events read, in {} ms", views.size(),
                            snapshotsLoaded, eventsRead, (System.nanoTime() - started) / 1_000_000);
                }
            }
        } catch (WakeupException stopping) {
            // stop() was called
        } catch (Throwable t) {
            failure = t;
            log.error("seat-status reader stopped", t);
        }
    }

    private Map<Integer, Instant> loadSnapshots(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> parts = partitions(c, Topics.SNAPSHOTS.name());
        Map<Integer, Instant> covered = new HashMap<>();
        if (parts.isEmpty()) {
            return covered;
        }
        c.assign(parts);
        c.seekToBeginning(parts);
        Map<TopicPartition, Long> end = c.endOffsets(parts);
        // until compaction catches up the topic holds many snapshots of each show (one per pass it
        // changed in): keep only each show's newest record and parse that one alone
        Map<String, ConsumerRecord<String, byte[]>> newest = new HashMap<>();
        while (running && !caughtUp(c, end)) {
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                if (r.key() == null) {
                    continue;
                }
                newest.put(r.key(), r);
            }
        }
        Map<String, ShowSnapshot> latest = new HashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : newest.values()) {
            if (r.value() == null) {
                // a tombstone: the show was archived
                views.archived(r.key());
                continue;
            }
            ShowSnapshot s = parse(r, ShowSnapshot.class);
            if (s != null) {
                latest.put(s.showId(), s);
                partitionOf.put(s.showId(), r.partition());
                covered.merge(r.partition(), s.coveredUntil(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        latest.values().forEach(s -> views.install(s, partitionOf.get(s.showId())));
        snapshotsLoaded = latest.size();
        return covered;
    }

    /** Each partition from its newest coveredUntil (one look-up for all of them), or its start. */
    private void seekCovered(KafkaConsumer<String, byte[]> c, List<TopicPartition> parts, Map<Integer, Instant> covered) {
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition tp : parts) {
            Instant until = covered.get(tp.partition());
            if (until == null) {
                c.seekToBeginning(List.of(tp));
            } else {
                from.put(tp, until.minus(margin).toEpochMilli());
            }
        }
        if (from.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> at = c.offsetsForTimes(from);
        for (TopicPartition tp : from.keySet()) {
            OffsetAndTimestamp o = at.get(tp);
            if (o == null) {
                c.seekToEnd(List.of(tp));
            } else {
                c.seek(tp, o.offset());
            }
        }
    }

    private void applyAll(KafkaConsumer<String, byte[]> c, TopicPartition tp, List<ConsumerRecord<String, byte[]>> rs) {
        for (ConsumerRecord<String, byte[]> r : rs) {
            ShowEvent e = parse(r, ShowEvent.class);
            if (e == null) {
                continue;
            }
            eventsRead++;
            try {
                views.apply(e, tp.partition());
            } catch (SeqGap gap) {
                if (fullReplay.add(tp.partition())) {
                    log.warn("{}; reading partition {} of seat-status again from its start", gap.getMessage(),
                            tp.partition());
                    views.dropPartition(tp.partition());
                    c.seekToBeginning(List.of(tp));
                    return;
                }
                // already read from the start: the history itself is incomplete (retention?)
                log.error("{} even when read from the start; event skipped", gap.getMessage());
            }
        }
    }

    private static <T> T parse(ConsumerRecord<String, byte[]> r, Class<T> type) {
        try {
            return Json.MAPPER.readValue(r.value(), type);
        } catch (RuntimeException e) {
            log.error("unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return null;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
        List<TopicPartition> out = new ArrayList<>();
        for (PartitionInfo p : c.partitionsFor(topic)) {
            out.add(new TopicPartition(topic, p.partition()));
        }
        return out;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** True once every partition was read up to where it ended when the reader started. */
    public boolean isReady() {
        return ready;
    }

    public Throwable failure() {
        return failure;
    }

    /** Shows installed from seat-snapshots at start. */
    public int snapshotsLoaded() {
        return snapshotsLoaded;
    }

    /** seat-status records read since start. */
    public long eventsRead() {
        return eventsRead;
    }

    public long lastPollMillis() {
        return lastPollMillis;
    }
}
