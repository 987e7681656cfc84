package com.seatledger.api.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * and the client retries with the same Idempotency-Key.
 */
public final class CommandGateway {

    private final ReplyingKafkaTemplate<String, byte[], byte[]> replies;
    private final Views views;
    private final RateLimiter limiter;
    private final Duration timeout;
    private final Duration createTimeout;
    private final MeterRegistry registry;
    private final Timer latency;
    private final Timer viewWait;
    /** seatledger.commands by type and code (a code decides the outcome), looked up once each */
    private final Map<String, Counter> answered = new ConcurrentHashMap<>();

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
        this.viewWait = Timer.builder("seatledger.command.view.wait")
                .description("reply received to its event visible in this instance's views (read-your-writes)")
                .publishPercentileHistogram().register(registry);
    }

    /** The ledger's decision on {@code c}; throws {@link CommandRejected} when it said no. */
    public CommandResult decide(Command c) {
        CommandValidation.problem(c).ifPresent(p -> {
            throw new BadRequest(p);
        });
        limiter.acquire(c.actor());
        // a CREATE_SHOW may carry 100,000 seats: the ledger writes each, so it gets its own, longer bound
        Duration limit = c instanceof CreateShow ? createTimeout : timeout;
        long start = System.nanoTime();
        Admission.Ticket ticket = Admission.CURRENT.isBound() ? Admission.CURRENT.get() : Admission.Ticket.untracked(start);
        if (c instanceof CreateShow) {
            ticket.unusual();
        }
        // one bound for the whole answer, from when the request arrived (it may have waited for a
        // request thread): send() may block while the broker is away, then the reply, then this
        // instance's view catching up (read-your-writes)
        long deadline = ticket.arrivedNanos() + limit.toNanos();
        CommandResult result;
        try {
            result = Json.MAPPER.readValue(request(c, deadline, limit).value(), CommandResult.class);
            if (result.outcome() == Outcome.ACCEPTED && result.seq() != null) {
                long replied = System.nanoTime();
                awaitView(result, deadline, limit);
                viewWait.record(System.nanoTime() - replied, TimeUnit.NANOSECONDS);
            }
        } catch (LedgerUnavailable e) {
            ticket.unanswered();
            throw e;
        }
        ticket.decided();
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        answered.computeIfAbsent(c.type().name() + '/' + result.code().name(), k -> Counter.builder("seatledger.commands")
                .description("commands answered, by type, outcome and code").tag("type", c.type().name())
                .tag("outcome", result.outcome().name()).tag("code", result.code().name()).register(registry))
                .increment();
        if (result.outcome() != Outcome.ACCEPTED) {
            throw new CommandRejected(result);
        }
        return result;
    }

    private ConsumerRecord<String, byte[]> request(Command c, long deadline, Duration timeout) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMANDS.name(), c.showId(),
                Json.MAPPER.writeValueAsBytes(c));
        try {
            var reply = replies.sendAndReceive(record, Duration.ofNanos(left(deadline)));
            return reply.get(left(deadline), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e, timeout);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // no broker, no ledger, or no answer in time: the command may or may not be decided
            throw unavailable(e, timeout);
        }
    }

    private void awaitView(CommandResult result, long deadline, Duration timeout) {
        try {
            views.awaitSeq(result.showId(), result.seq()).get(left(deadline), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e, timeout);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e, timeout);
        }
    }

    private static long left(long deadline) {
        return Math.max(deadline - System.nanoTime(), 1);
    }

    private LedgerUnavailable unavailable(Exception e, Duration timeout) {
        registry.counter("seatledger.commands.unavailable").increment();
        return new LedgerUnavailable("the ledger did not answer within " + timeout.toMillis()
                + " ms; retry with the same Idempotency-Key to learn the outcome", e);
    }
}
