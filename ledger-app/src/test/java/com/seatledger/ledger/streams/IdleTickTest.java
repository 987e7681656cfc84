package com.seatledger.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.junit.jupiter.api.Test;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ShowEvent;

/**
 * Kafka Streams commits a task after every wall-clock punctuation: the expiry tick stops while a task
 * has nothing to expire, load or write, and the next command starts it again.
 */
class IdleTickTest {

    private static final long T = 1_796_000_000_000L;

    @Test
    void aTaskWithNoActiveHoldStopsTickingAndACommandStartsItAgain() {
        MockLedgerTask task = new MockLedgerTask("idle-tick-test");
        Cmd cmd = new Cmd();
        CapturedPunctuator first = tick(task);
        punctuate(task, first, T + 200);
        assertThat(first.cancelled()).as("an empty task").isTrue();

        task.process(T + 300, Json.MAPPER.writeValueAsBytes(cmd.create("s1", new Policy(null, null, null, null),
                Cmd.rows("STALLS", "A", 5))));
        CapturedPunctuator second = tick(task);
        assertThat(second).isNotSameAs(first);
        assertThat(second.cancelled()).isFalse();
        punctuate(task, second, T + 500);
        assertThat(second.cancelled()).as("a show, but no hold").isTrue();

        task.process(T + 600, Json.MAPPER.writeValueAsBytes(cmd.holdFor("alice", "s1", "h1", 60, "A-1")));
        CapturedPunctuator third = tick(task);
        punctuate(task, third, T + 800);
        assertThat(third.cancelled()).as("a hold to expire").isFalse();

        punctuate(task, third, T + 600 + 61_000);
        assertThat(task.context.forwarded()).as("the hold expired on the tick")
                .anySatisfy(f -> assertThat(f.record().value()).isInstanceOfSatisfying(ShowEvent.class,
                        e -> assertThat(e.cause()).isEqualTo(Cause.EXPIRE)));
        assertThat(third.cancelled()).as("nothing left to expire").isTrue();
    }

    private static void punctuate(MockLedgerTask task, CapturedPunctuator p, long at) {
        task.context.setCurrentSystemTimeMs(at);
        p.getPunctuator().punctuate(at);
    }

    /** The newest expiry tick scheduled (the snapshot punctuation has the longer interval). */
    private static CapturedPunctuator tick(MockLedgerTask task) {
        List<CapturedPunctuator> ticks = task.context.scheduledPunctuators().stream()
                .filter(p -> p.getInterval().equals(LedgerSettings.DEFAULTS.punctuateInterval())).toList();
        return ticks.getLast();
    }
}
