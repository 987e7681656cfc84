package com.seatledger.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.GenericMessageListenerContainer;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The request/reply template, reading only results that answer a request of some api-app. Every
 * instance reads the whole results topic, which also carries the results of commands that other
 * producers sent (box-office tools, load generators): those have no correlation header, and the
 * template would log each one at ERROR ("No correlationId found in reply") however the reply topic
 * is shared: they are counted instead ({@link #foreignResults()}). Results of another instance's
 * requests still reach it and are dropped quietly there.
 */
final class OwnRepliesTemplate<K, V, R> extends ReplyingKafkaTemplate<K, V, R> {

    private final LongAdder foreign = new LongAdder();

    OwnRepliesTemplate(ProducerFactory<K, V> producers, GenericMessageListenerContainer<K, R> replies) {
        super(producers, replies);
    }

    /** Results read that answer no api-app's request (commands other producers wrote). */
    long foreignResults() {
        return foreign.sum();
    }

    @Override
    public void onMessage(List<ConsumerRecord<K, R>> data) {
        List<ConsumerRecord<K, R>> replies = requests(data);
        foreign.add(data.size() - replies.size());
        if (!replies.isEmpty()) {
            super.onMessage(replies);
        }
    }

    /** The records that answer a request: they carry the correlation header the request had. */
    static <K, R> List<ConsumerRecord<K, R>> requests(List<ConsumerRecord<K, R>> data) {
        List<ConsumerRecord<K, R>> out = new ArrayList<>(data.size());
        for (ConsumerRecord<K, R> r : data) {
            if (r.headers().lastHeader(KafkaHeaders.CORRELATION_ID) != null) {
                out.add(r);
            }
        }
        return out.size() == data.size() ? data : out;
    }
}
