package com.seatledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.Topics;

/**
 * The largest message (a 100,000-seat show's CREATE event or snapshot) is one number in Java,
 * {@link Topics#MAX_MESSAGE_BYTES}; the files that cannot refer to it (the broker's settings, the
 * compose file, the ledger's producer and consumer settings, the api-app's body limit for show
 * creation) must say the same, or a large show fails somewhere between REST and the topics.
 */
class MessageSizeTest {

    @Test
    void everyCopyOfTheMessageSizeLimitIsTopicsMaxMessageBytes() throws IOException {
        String limit = Integer.toString(Topics.MAX_MESSAGE_BYTES);
        record Copy(String file, String key) {
        }
        List<Copy> copies = List.of(
                new Copy("harness/src/main/resources/broker/node.properties", "message.max.bytes="),
                new Copy("docker-compose.yml", "KAFKA_MESSAGE_MAX_BYTES: "),
                new Copy("docker-compose.yml", "max.message.bytes="),
                new Copy("ledger-app/src/main/resources/ledger-streams.yml", "producer.max.request.size: "),
                new Copy("ledger-app/src/main/resources/ledger-streams.yml", "consumer.max.partition.fetch.bytes: "),
                new Copy("api-app/src/main/resources/application.yml", "show-bytes: "));
        for (Copy copy : copies) {
            String text = Files.readString(DockerComposeTest.ROOT.resolve(copy.file()));
            Matcher m = Pattern.compile(Pattern.quote(copy.key()) + "(\\d+)").matcher(text);
            int found = 0;
            while (m.find()) {
                assertThat(m.group(1)).as(copy.file() + " " + copy.key()).isEqualTo(limit);
                found++;
            }
            assertThat(found).as(copy.file() + " " + copy.key()).isPositive();
        }
    }
}
