package com.seatledger.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.asyncapi.AsyncApi;

/** The AsyncAPI document names the ledger's consumer group: its Kafka Streams application.id, as shipped. */
class ConsumerGroupTest {

    @Test
    void theAsyncApiDocumentNamesTheShippedApplicationId() throws IOException {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(yml).contains("application-id: " + AsyncApi.LEDGER_GROUP + "\n");
    }
}
