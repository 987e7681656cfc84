package com.seatledger.ledger.streams;

import java.time.Duration;

import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * A task's frequent wall-clock punctuation (expiries, paced loads, writing a snapshot pass), which
 * only runs while the task has something it could do on it. Kafka Streams commits a task after
 * every wall-clock punctuation, whatever it did, so every idle task of an idle ledger ran a
 * transaction five times a second (bench latency: ~60 ms of the ledger's CPU per second and as much
 * of the broker's). A command or a snapshot pass starts it again.
 */
final class ExpiryTick {

    private final ProcessorContext<?, ?> context;
    private final Duration interval;
    private final Punctuator punctuator;
    private Cancellable scheduled;

    ExpiryTick(ProcessorContext<?, ?> context, Duration interval, Punctuator punctuator) {
        this.context = context;
        this.interval = interval;
        this.punctuator = punctuator;
    }

    /** Starts the tick unless it runs. */
    void start() {
        if (scheduled == null) {
            scheduled = context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, punctuator);
        }
    }

    boolean running() {
        return scheduled != null;
    }

    /** Stops it when {@code idle}: no active hold to expire, no show to load, no pass to write. */
    void stopIf(boolean idle) {
        if (scheduled != null && idle) {
            scheduled.cancel();
            scheduled = null;
        }
    }
}
