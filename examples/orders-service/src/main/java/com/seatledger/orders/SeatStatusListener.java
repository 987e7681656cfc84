package com.seatledger.orders;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.ShowEvent;

/**
 * Follows {@code seat-status} as any downstream consumer should: read_committed, its own consumer
 * group, one show's events in seq order (one partition), and idempotent on (showId, seq): an order
 * remembers the seq that last changed it, so an event redelivered after a restart changes nothing.
 * Started once the journal is restored ({@link OrdersConfig}).
 */
@Component
class SeatStatusListener {

    static final String ID = "seat-status";

    private final OrderBook book;
    private final OrderJournal journal;

    SeatStatusListener(OrderBook book, OrderJournal journal) {
        this.book = book;
        this.journal = journal;
    }

    @KafkaListener(id = ID, topics = "#{T(com.seatledger.topics.Topics).SEAT_STATUS.name()}", autoStartup = "false")
    void on(ConsumerRecord<String, byte[]> record) {
        ShowEvent e = Json.MAPPER.readValue(record.value(), ShowEvent.class);
        journal.write(book.apply(e));
    }
}
