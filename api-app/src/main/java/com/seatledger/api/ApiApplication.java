package com.seatledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/** Seat Ledger's front: REST commands over Kafka request/reply, seat-map views, SSE relay. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ApiApplication {

    static final String AOT = "spring.aot.enabled";

    public static void main(String[] args) {
        // the jar carries the bean definitions Spring generated at build time (spring-boot:process-aot):
        // using them skips configuration parsing and condition evaluation at every start
        if (System.getProperty(AOT) == null && !Boolean.getBoolean("spring.aot.processing") && ClassUtils.isPresent(
                ApiApplication.class.getName() + "__ApplicationContextInitializer", null)) {
            System.setProperty(AOT, "true");
        }
        SpringApplication.run(ApiApplication.class, args);
    }
}
