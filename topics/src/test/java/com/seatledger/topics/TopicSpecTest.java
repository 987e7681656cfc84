package com.seatledger.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void withoutAReplicationFactorTheBrokerDefaultsApply() {
        NewTopic t = Topics.SEAT_STATUS.newTopic(12);
        assertThat(t.numPartitions()).isEqualTo(12);
        assertThat(t.replicationFactor()).isEqualTo((short) -1);
        assertThat(t.configs()).doesNotContainKey("min.insync.replicas").containsEntry("retention.ms", "-1");
    }

    @Test
    void aReplicationFactorBringsMinInsyncReplicasOfOneLess() {
        NewTopic t = Topics.COMMANDS.newTopic(6, 3);
        assertThat(t.replicationFactor()).isEqualTo((short) 3);
        assertThat(t.configs()).containsEntry("min.insync.replicas", "2")
                .containsEntry("max.message.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES));
        assertThat(Topics.COMMANDS.newTopic(6, 1).configs()).containsEntry("min.insync.replicas", "1");
        assertThat(TopicSpec.minInsyncReplicas(5)).isEqualTo(4);
    }
}
