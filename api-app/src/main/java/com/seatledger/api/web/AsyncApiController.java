package com.seatledger.api.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.seatledger.topics.asyncapi.AsyncApi;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The AsyncAPI 3.0 description of the Kafka topics (channels, keys, configs, message schemas, who
 * sends and who receives), for the topics' consumers what {@code /v3/api-docs} is for the REST API.
 * Made from the contract code (the topics jar), so it is the same on every instance and cannot drift.
 */
@RestController
@Hidden
public class AsyncApiController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    /** Made on the first request, not at start-up: a restarted instance must be ready in seconds. */
    private static final class Document {
        static final String YAML_TEXT = AsyncApi.yaml();
    }

    @GetMapping(path = "/asyncapi.yaml", produces = "application/yaml")
    public ResponseEntity<String> asyncApi() {
        return ResponseEntity.ok().contentType(YAML).body(Document.YAML_TEXT);
    }
}
