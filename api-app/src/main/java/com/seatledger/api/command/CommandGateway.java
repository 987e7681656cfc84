package com.seatledger.api.command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

import com.seatledger.api.view.Views;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.CommandValidation;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.Outcome;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Sends a command to the ledger and returns its decision: request/reply over Kafka (each instance
 * reads all results and keeps those whose correlation id it issued), then waits until this
 * instance's views contain the decision's event, so a 2xx with seq N is never followed by a read
 * that does not show N. Everything is bounded by one timeout; past it the ledger is "unavailable"
 * and the client retries with the same Idempotency-Key. No request thread waits meanwhile: at an
 * on-sale's rates, hundreds of requests are in flight, and a thread parked on each would exhaust
 * Tomcat's pool and queue the rest (docs/performance.md).
 */
public final class CommandGateway {

    private final ReplyingKafkaTemplate<String, byte[], byte[]> replies;
    private final Views views;
    private final RateLimiter limiter;
    private final Duration timeout;
    private final Duration createTimeout;
    private final MeterRegistry registry;
    private final Timer latency;
    /**
     * Finishes answers off the Kafka threads that complete them (the reply consumer, the status
     * reader): building a response must never delay the next reply or event.
     */
    private final Executor responders;

    public CommandGateway(ReplyingKafkaTemplate<String, byte[], byte[]> replies, Views views, RateLimiter limiter,
            Duration timeout, Duration createTimeout, MeterRegistry registry) {
        this.replies = replies;
        this.views = views;
        this.limiter = limiter;
        this.timeout = timeout;
        this.createTimeout = createTimeout;
        this.registry = registry;
        this.latency = Timer.builder("seatledger.command.reply")
                .description("command sent to reply received and visible in this instance's views")
                .publishPercentileHistogram().register(registry);
        AtomicInteger n = new AtomicInteger();
        this.responders = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "command-answers-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The ledger's decision on {@code c}, without holding a thread while it is made: the future fails
     * with {@link CommandRejected} when the ledger said no and {@link LedgerUnavailable} when it did
     * not answer in time. Bad input and the rate limit throw at once.
     */
    public CompletableFuture<CommandResult> decide(Command c) {
        CommandValidation.problem(c).ifPresent(p -> {
            throw new BadRequest(p);
        });
        limiter.acquire(c.actor());
        // a CREATE_SHOW may carry 100,000 seats: the ledger writes each, so it gets its own, longer bound
        Duration limit = c instanceof CreateShow ? createTimeout : timeout;
        long start = System.nanoTime();
        // one bound for the whole answer: send() may block while the broker is away, then the reply,
        // then this instance's view catching up (read-your-writes)
        CompletableFuture<CommandResult> decided;
        try {
            decided = replies.sendAndReceive(new ProducerRecord<>(Topics.COMMANDS.name(), c.showId(),
                    Json.MAPPER.writeValueAsBytes(c)), limit)
                    .thenApply(reply -> Json.MAPPER.readValue(reply.value(), CommandResult.class))
                    .thenCompose(this::visibleHere);
        } catch (RuntimeException noBroker) {
            decided = CompletableFuture.failedFuture(noBroker);
        }
        return decided.orTimeout(left(start + limit.toNanos()), TimeUnit.NANOSECONDS)
                .handleAsync((result, failure) -> answer(c, result, failure, start, limit), responders);
    }

    /** Completes once this instance's views show the decision's event (an accepted command has one). */
    private CompletableFuture<CommandResult> visibleHere(CommandResult r) {
        if (r.outcome() != Outcome.ACCEPTED || r.seq() == null) {
            return CompletableFuture.completedFuture(r);
        }
        return views.awaitSeq(r.showId(), r.seq()).thenApply(seen -> r);
    }

    private CommandResult answer(Command c, CommandResult result, Throwable failure, long start, Duration limit) {
        if (failure != null) {
            // no broker, no ledger, or no answer in time: the command may or may not be decided
            throw unavailable(failure, limit);
        }
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        Counter.builder("seatledger.commands").description("commands answered, by type, outcome and code")
                .tag("type", c.type().name()).tag("outcome", result.outcome().name())
                .tag("code", result.code().name()).register(registry).increment();
        if (result.outcome() != Outcome.ACCEPTED) {
            throw new CommandRejected(result);
        }
        return result;
    }

    private static long left(long deadline) {
        return Math.max(deadline - System.nanoTime(), 1);
    }

    private LedgerUnavailable unavailable(Throwable e, Duration timeout) {
        registry.counter("seatledger.commands.unavailable").increment();
        return new LedgerUnavailable("the ledger did not answer within " + timeout.toMillis()
                + " ms; retry with the same Idempotency-Key to learn the outcome", e);
    }
}
