package com.seatledger.topics;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

/** One topic of the contract: its name and the configs it must be created with. */
public record TopicSpec(String name, boolean coPartitioned, Map<String, String> configs) {

    /**
     * @param partitions used for the co-partitioned topics; the DLQ gets the same count so the
     *     original partition of a poison record is kept
     */
    public NewTopic newTopic(int partitions, short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
