package com.seatledger.orders;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orders.*}.
 *
 * @param api           the Seat Ledger REST API
 * @param apiToken      this service's own token for the API (role admin: it confirms holds it did not take)
 * @param paymentDelay  how long the simulated payment takes when an order does not say
 * @param journalTopic  the compacted topic that keeps the orders across restarts
 */
@ConfigurationProperties("orders")
public record OrdersProperties(URI api, String apiToken, Duration paymentDelay, String journalTopic) {

    public OrdersProperties {
        api = api == null ? URI.create("http://localhost:8080") : api;
        paymentDelay = paymentDelay == null ? Duration.ofSeconds(5) : paymentDelay;
        journalTopic = journalTopic == null || journalTopic.isBlank() ? "orders-service.orders" : journalTopic;
    }
}
