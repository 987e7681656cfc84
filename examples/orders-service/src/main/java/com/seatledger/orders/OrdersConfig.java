package com.seatledger.orders;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class OrdersConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OrderBook orderBook() {
        return new OrderBook();
    }

    /** The journal: compacted, so it keeps each order's latest version for good. */
    @Bean
    NewTopic ordersJournalTopic(OrdersProperties props) {
        return TopicBuilder.name(props.journalTopic()).partitions(3)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    @Bean
    OrderJournal orderJournal(KafkaTemplate<String, byte[]> template, OrdersProperties props) {
        return new OrderJournal(template, props.journalTopic());
    }

    @Bean
    SeatLedgerApi seatLedgerApi(OrdersProperties props) {
        return new SeatLedgerApi(RestClient.builder().baseUrl(props.api().toString()).build(), props.apiToken());
    }

    @Bean(destroyMethod = "close")
    Payments payments(OrderBook book, OrderJournal journal, SeatLedgerApi api, Clock clock) {
        return new Payments(book, journal, api, clock);
    }

    /**
     * Restores the orders from the journal, then follows seat-status and resumes the payments that
     * were due: nothing reacts to an event or a payment before the orders it concerns are known.
     */
    @Bean
    ApplicationRunner restoreThenFollow(OrderJournal journal, OrderBook book, KafkaProperties kafka,
            KafkaListenerEndpointRegistry listeners, Payments payments) {
        return (ApplicationArguments args) -> {
            journal.restore(kafka.buildConsumerProperties(), book);
            listeners.getListenerContainer(SeatStatusListener.ID).start();
            book.pending().forEach(payments::schedule);
        };
    }
}
