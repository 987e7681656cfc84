package com.seatledger.orders;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.seatledger.topics.json.Json;

/**
 * The orders' durable state: a compacted topic keyed by orderId holding each order's latest
 * version. Every change is written (and acknowledged) before it is acted on or answered; a start
 * reads the topic from the beginning into the {@link OrderBook}.
 */
public final class OrderJournal {

    private static final Logger log = LoggerFactory.getLogger(OrderJournal.class);

    private final KafkaTemplate<String, byte[]> template;
    private final String topic;

    public OrderJournal(KafkaTemplate<String, byte[]> template, String topic) {
        this.template = template;
        this.topic = topic;
    }

    public void write(List<Order> changed) {
        try {
            for (var f : changed.stream()
                    .map(o -> template.send(topic, o.orderId(), Json.MAPPER.writeValueAsBytes(o))).toList()) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while journaling orders", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not journal orders", e.getCause());
        }
    }

    /** Reads every order journaled so far into {@code book}. */
    public int restore(Map<String, Object> consumerConfig, OrderBook book) {
        Map<String, Object> c = new HashMap<>(consumerConfig);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        int restored = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        book.put(Json.MAPPER.readValue(r.value(), Order.class));
                        restored++;
                    }
                }
            }
        }
        log.info("restored {} order versions from {}", restored, topic);
        return restored;
    }
}
