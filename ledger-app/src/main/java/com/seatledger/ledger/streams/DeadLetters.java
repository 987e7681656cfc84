package com.seatledger.ledger.streams;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import com.seatledger.topics.Topics.DlqHeaders;

/** A record for seat-commands-dlq: the original key, bytes and headers, plus headers naming the error and where it came from. */
final class DeadLetters {

    private DeadLetters() {
    }

    static Record<byte[], byte[]> of(Record<byte[], byte[]> record, String error, Exception cause,
            Optional<RecordMetadata> from) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DlqHeaders.ERROR, error.getBytes(StandardCharsets.UTF_8));
        if (cause != null) {
            headers.add(DlqHeaders.EXCEPTION, cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        }
        from.ifPresent(m -> {
            headers.add(DlqHeaders.TOPIC, m.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(DlqHeaders.PARTITION, Integer.toString(m.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(DlqHeaders.OFFSET, Long.toString(m.offset()).getBytes(StandardCharsets.UTF_8));
        });
        return new Record<>(record.key(), record.value(), record.timestamp(), headers);
    }
}
