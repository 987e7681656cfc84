package com.seatledger.api.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.awaitility.Awaitility.await;

/**
 * Completing a response is a write: it must never run beside a send of the same connection (the
 * container recycles the response under the send). Here a send blocks while the server closes the
 * connection (overflow and close), and completion must wait for the send.
 */
class SseConnectionTest {

    /** Runs each task on its own thread and counts the tasks still running. */
    static final class Writers implements Executor {
        final AtomicInteger running = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            running.incrementAndGet();
            Thread.ofVirtual().start(() -> {
                try {
                    task.run();
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    private final Writers writers = new Writers();

    /** An emitter whose send blocks until released, and that notes a completion during a send. */
    static final class SlowEmitter extends SseEmitter {
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean inSend = new AtomicBoolean();
        final AtomicBoolean completedDuringSend = new AtomicBoolean();
        final AtomicInteger completions = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public void send(Set<DataWithMediaType> data) throws IOException {
            inSend.set(true);
            sending.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.incrementAndGet();
            inSend.set(false);
        }

        @Override
        public void complete() {
            if (inSend.get()) {
                completedDuringSend.set(true);
            }
            completions.incrementAndGet();
        }
    }

    @Test
    void anOverflowCompletesOnlyAfterTheSendInProgress() throws Exception {
        SlowEmitter emitter = new SlowEmitter();
        SseConnection c = new SseConnection(emitter, 1, writers, why -> { }, () -> { });
        assertThat(c.offer(Frame.comment("one"))).isTrue();
        assertThat(emitter.sending.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(c.offer(Frame.comment("two"))).isTrue();
        assertThat(c.offer(Frame.comment("three"))).as("the queue of one is full: overflow").isFalse();
        assertThat(c.isOpen()).isFalse();
        // whatever the close set off has run by now, except the drain blocked in its send
        await().atMost(Duration.ofSeconds(5)).until(() -> writers.running.get() == 1);
        emitter.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> emitter.completions.get() == 1);
        assertThat(emitter.completedDuringSend).as("completed while a frame was being sent").isFalse();
        assertThat(emitter.sent.get()).as("nothing sent after the overflow").isEqualTo(1);
    }

    @Test
    void aServerCloseCompletesOnlyAfterTheSendInProgress() throws Exception {
        SlowEmitter emitter = new SlowEmitter();
        SseConnection c = new SseConnection(emitter, 8, writers, why -> { }, () -> { });
        c.offer(Frame.comment("one"));
        assertThat(emitter.sending.await(5, TimeUnit.SECONDS)).isTrue();
        c.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> writers.running.get() == 1);
        emitter.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> emitter.completions.get() == 1);
        assertThat(emitter.completedDuringSend).isFalse();
    }

    @Test
    void aCloseOfAnIdleConnectionCompletesIt() {
        SlowEmitter emitter = new SlowEmitter();
        SseConnection c = new SseConnection(emitter, 8, writers, why -> { }, () -> { });
        c.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> emitter.completions.get() == 1);
    }
}
