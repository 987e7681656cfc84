package com.seatledger.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * An orders service, the way a ticketing platform's own would sit beside Seat Ledger: a buyer's
 * hold becomes a pending order, a (simulated) payment confirms the hold through the REST API, and
 * {@code seat-status} tells it when a hold expired or was released (order EXPIRED) or an order was
 * cancelled by the box office (REFUNDED).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
