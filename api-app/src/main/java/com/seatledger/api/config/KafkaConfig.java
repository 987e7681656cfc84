package com.seatledger.api.config;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.requestreply.CorrelationKey;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.TopicPartitionOffset;

import com.seatledger.topics.TopicSpec;
import com.seatledger.topics.Topics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka wiring of the api-app: the topics (created when missing, like the ledger does), and
 * request/reply. Replies: every instance reads every partition of seat-command-results itself
 * (manual assignment, from the end, no consumer group, so no rebalancing and no committed
 * offsets) and keeps only records carrying a correlation id it issued. Values stay bytes until
 * then, so other instances' replies cost no JSON parsing.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics seatLedgerTopics(ApiProperties props) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream().map(t -> t.newTopic(props.partitions(), props.replicationFactor()))
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    KafkaMessageListenerContainer<String, byte[]> replyContainer(KafkaProperties kafka, KafkaAdmin admin,
            ApiProperties props) {
        Map<String, Object> c = new HashMap<>(kafka.buildConsumerProperties());
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // the AOT cache's training run ends after the context refresh and must not need a broker
        int partitions = AOT_TRAINING ? props.partitions() : partitions(admin, Topics.COMMAND_RESULTS);
        TopicPartitionOffset[] all = new TopicPartitionOffset[partitions];
        for (int p = 0; p < partitions; p++) {
            all[p] = new TopicPartitionOffset(Topics.COMMAND_RESULTS.name(), p, TopicPartitionOffset.SeekPosition.END);
        }
        ContainerProperties cp = new ContainerProperties(all);
        cp.setAckMode(ContainerProperties.AckMode.MANUAL);
        cp.setPollTimeout(200);
        return new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(c, new StringDeserializer(), new ByteArrayDeserializer()), cp);
    }

    @Bean
    ReplyingKafkaTemplate<String, byte[], byte[]> replyingTemplate(KafkaProperties kafka, ApiProperties props,
            KafkaMessageListenerContainer<String, byte[]> replyContainer, MeterRegistry registry) {
        Map<String, Object> p = new HashMap<>(kafka.buildProducerProperties());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        // not compressed: a command is a few hundred bytes and a batch holds a handful, while Kafka's
        // lz4 allocates two 64 KB block buffers per batch (JFR at 1,000 holds/s: 12 % of all the
        // api-app allocated, for batches of a few KB)
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // a command waits up to 5 ms for others going to the same broker: at 1,000 holds/s over 12
        // partitions, 1 ms sent nearly one record per produce request; 5 ms cut the machine's CPU per
        // hold by a tenth (bench latency: 1.85 -> 1.66 ms at 1,000/s, 3.4 -> 2.7 ms at 400/s), and
        // against a decision that waits ~100 ms for its commit the 5 ms do not show in the p99
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // with no broker, send() must not block a request thread past the reply timeout
        long timeout = props.replyTimeout().toMillis();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, timeout));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(2_000, timeout * 2));
        OwnRepliesTemplate<String, byte[], byte[]> t = new OwnRepliesTemplate<>(
                new DefaultKafkaProducerFactory<>(p, new StringSerializer(), new ByteArraySerializer()),
                replyContainer);
        FunctionCounter.builder("seatledger.command.results.foreign", t, OwnRepliesTemplate::foreignResults)
                .description("results read for commands no api-app sent (other producers); ignored")
                .register(registry);
        // a correlation id only has to be unique among the requests in flight of all instances: 128
        // random bits from the thread's generator, not a UUID from the shared SecureRandom (JFR at
        // 1,000 holds/s: the default strategy was a visible share of a request thread's time)
        t.setCorrelationIdStrategy(record -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            return new CorrelationKey(ByteBuffer.allocate(16).putLong(rnd.nextLong()).putLong(rnd.nextLong()).array());
        });
        t.setSharedReplyTopic(true);
        t.setDefaultReplyTimeout(props.replyTimeout());
        return t;
    }

    static final boolean AOT_TRAINING = "onRefresh".equals(System.getProperty("spring.context.exit"));

    /** Creates the topics now if needed (KafkaAdmin would do it only after all beans exist) and counts partitions. */
    private static int partitions(KafkaAdmin admin, TopicSpec topic) {
        admin.initialize();
        Map<String, TopicDescription> d = admin.describeTopics(topic.name());
        return d.get(topic.name()).partitions().size();
    }
}
