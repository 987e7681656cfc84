package com.seatledger.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.asyncapi.AsyncApi;

/** The AsyncAPI document of the topics names this service's consumer group as it ships. */
class ConsumerGroupTest {

    @Test
    void theAsyncApiDocumentNamesTheShippedGroup() throws IOException {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(yml).contains("group-id: " + AsyncApi.ORDERS_SERVICE_GROUP + "\n");
    }
}
