package com.seatledger.ledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.util.ClassUtils;

/** The only writer of seat state: runs the ledger topology under exactly_once_v2. */
@SpringBootApplication
@EnableKafkaStreams
@ConfigurationPropertiesScan
public class LedgerApplication {

    static final String AOT = "spring.aot.enabled";

    public static void main(String[] args) {
        // the jar carries the bean definitions Spring generated at build time (spring-boot:process-aot):
        // using them skips configuration parsing and condition evaluation, a second of every start
        if (System.getProperty(AOT) == null && !Boolean.getBoolean("spring.aot.processing") && ClassUtils.isPresent(
                LedgerApplication.class.getName() + "__ApplicationContextInitializer", null)) {
            System.setProperty(AOT, "true");
        }
        SpringApplication app = new SpringApplication(LedgerApplication.class);
        // once logging is set up (Spring Boot drops what is logged before), before the context is built
        app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) e -> LoadPathWarmUp.start());
        app.run(args);
    }
}
