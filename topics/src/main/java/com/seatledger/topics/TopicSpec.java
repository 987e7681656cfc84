package com.seatledger.topics;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;

/** One topic of the contract: its name and the configs it must be created with. */
public record TopicSpec(String name, Map<String, String> configs) {

    /** Every topic gets the same partition count (co-partitioning); replication is the broker's default. */
    public NewTopic newTopic(int partitions) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    }
}
