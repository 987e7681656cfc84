package com.seatledger.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** One topic of the contract: its name and the configs it must be created with. */
public record TopicSpec(String name, Map<String, String> configs) {

    /** Every topic gets the same partition count (co-partitioning); replication is the broker's default. */
    public NewTopic newTopic(int partitions) {
        return newTopic(partitions, null);
    }

    /**
     * The same with {@code replicationFactor} replicas (null: the broker's default) and
     * {@code min.insync.replicas} = {@link #minInsyncReplicas(int)}, so an {@code acks=all} write
     * survives the loss of one broker and keeps being accepted while one broker is away.
     */
    public NewTopic newTopic(int partitions, Integer replicationFactor) {
        if (replicationFactor == null) {
            return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
        }
        Map<String, String> withIsr = new HashMap<>(configs);
        withIsr.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas(replicationFactor)));
        return new NewTopic(name, Optional.of(partitions), Optional.of(replicationFactor.shortValue())).configs(withIsr);
    }

    /** RF − 1, at least 1: one replica may be lost (or restarted) without refusing writes. */
    public static int minInsyncReplicas(int replicationFactor) {
        return Math.max(1, replicationFactor - 1);
    }
}
