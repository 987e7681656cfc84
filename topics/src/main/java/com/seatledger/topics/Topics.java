package com.seatledger.topics;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of the contract (docs/topics.md), defined once. All are keyed by {@code showId} and created with the same
 * partition count, so one show's commands, results and events share a partition number.
 */
public final class Topics {

    /** A CREATE_SHOW of 100,000 seats is several MB of JSON; commands and events must carry it. */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    public static final int DEFAULT_PARTITIONS = 12;

    private static final String DAY_MS = Long.toString(24L * 60 * 60 * 1000);

    public static final TopicSpec COMMANDS = new TopicSpec("seat-commands", Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(7L * 24 * 60 * 60 * 1000),
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES)));

    public static final TopicSpec COMMAND_RESULTS = new TopicSpec("seat-command-results", Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, DAY_MS));

    /** The audit history: kept until an operator decides otherwise. */
    public static final TopicSpec SEAT_STATUS = new TopicSpec("seat-status", Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES)));

    public static final TopicSpec COMMANDS_DLQ = new TopicSpec("seat-commands-dlq", Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(30L * 24 * 60 * 60 * 1000),
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES)));

    /**
     * Latest whole state per show (see {@code ShowSnapshot}). Compacted, with short segments so the
     * uncompacted tail a starting reader must read stays small.
     */
    public static final TopicSpec SNAPSHOTS = new TopicSpec("seat-snapshots", Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(60_000),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES)));

    public static final List<TopicSpec> ALL = List.of(COMMANDS, COMMAND_RESULTS, SEAT_STATUS, COMMANDS_DLQ,
            SNAPSHOTS);

    /** Header names the ledger writes on dead-lettered records. */
    public static final class DlqHeaders {
        public static final String ERROR = "seatledger.dlq.error";
        public static final String EXCEPTION = "seatledger.dlq.exception";
        public static final String TOPIC = "seatledger.dlq.topic";
        public static final String PARTITION = "seatledger.dlq.partition";
        public static final String OFFSET = "seatledger.dlq.offset";

        private DlqHeaders() {
        }
    }

    private Topics() {
    }
}
