package com.seatledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** Results of commands nobody here asked for (no correlation header) never reach the template. */
class OwnRepliesTemplateTest {

    @Test
    void onlyResultsCarryingACorrelationHeaderAreReplies() {
        ConsumerRecord<String, byte[]> asked = new ConsumerRecord<>("seat-command-results", 0, 1, "s1", new byte[0]);
        asked.headers().add(KafkaHeaders.CORRELATION_ID, new byte[] {1, 2, 3});
        ConsumerRecord<String, byte[]> someoneElses = new ConsumerRecord<>("seat-command-results", 0, 2, "s1",
                new byte[0]);
        assertThat(OwnRepliesTemplate.requests(List.of(asked, someoneElses))).containsExactly(asked);
        assertThat(OwnRepliesTemplate.requests(List.of(someoneElses))).isEmpty();
        assertThat(OwnRepliesTemplate.requests(List.of(asked))).containsExactly(asked);
    }
}
