package com.seatledger.api.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * Completing a response is a write: it must never run beside a write of the same connection (the
 * container recycles the response under the write). Writes do not block: a write the socket cannot
 * take at once is finished by its callback, later, on another thread, and the drain goes on from there.
 */
class SseConnectionTest {

    /** Runs each task on its own thread. */
    private final Executor writers = task -> Thread.ofVirtual().start(task);

    /** An output whose writes stay pending until released (a client that does not read), or fail. */
    static final class FakeOutput implements SseOutput {
        final List<String> written = new CopyOnWriteArrayList<>();
        final LinkedBlockingQueue<Consumer<Throwable>> pending = new LinkedBlockingQueue<>();
        final AtomicBoolean holdWrites = new AtomicBoolean();
        final AtomicReference<Throwable> failWith = new AtomicReference<>();
        final AtomicBoolean inWrite = new AtomicBoolean();
        final AtomicBoolean completedDuringWrite = new AtomicBoolean();
        final AtomicInteger completions = new AtomicInteger();

        @Override
        public void write(ByteBuffer bytes, Consumer<Throwable> done) {
            written.add(StandardCharsets.UTF_8.decode(bytes).toString());
            if (holdWrites.get()) {
                inWrite.set(true);
                pending.add(done);
            } else {
                done.accept(failWith.get());
            }
        }

        /** The pending write completes, from a thread of the network's own. */
        void release() throws InterruptedException {
            Consumer<Throwable> done = pending.take();
            inWrite.set(false);
            holdWrites.set(false);
            Thread.ofPlatform().start(() -> done.accept(null)).join();
        }

        @Override
        public void complete() {
            if (inWrite.get()) {
                completedDuringWrite.set(true);
            }
            completions.incrementAndGet();
        }
    }

    private final FakeOutput out = new FakeOutput();
    private final List<SseConnection.End> ends = new CopyOnWriteArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();

    private SseConnection connection(int capacity) {
        SseConnection c = new SseConnection(capacity, writers, ends::add, sent::incrementAndGet);
        c.attach(out);
        return c;
    }

    @Test
    void anOverflowCompletesOnlyAfterTheWriteInProgress() throws Exception {
        SseConnection c = connection(1);
        out.holdWrites.set(true);
        assertThat(c.offer(Frame.comment("one"))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(out.inWrite::get);
        assertThat(c.offer(Frame.comment("two"))).isTrue();
        assertThat(c.offer(Frame.comment("three"))).as("the queue of one is full: overflow").isFalse();
        assertThat(c.isOpen()).isFalse();
        assertThat(ends).containsExactly(SseConnection.End.OVERFLOW);
        assertThat(out.completions.get()).as("not completed while the first write is pending").isZero();
        out.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> out.completions.get() == 1);
        assertThat(out.completedDuringWrite).as("completed while a frame was being written").isFalse();
        assertThat(out.written).as("nothing written after the overflow").containsExactly(":one\n\n");
    }

    @Test
    void aServerCloseCompletesOnlyAfterTheWriteInProgress() throws Exception {
        SseConnection c = connection(8);
        out.holdWrites.set(true);
        c.offer(Frame.comment("one"));
        await().atMost(Duration.ofSeconds(5)).until(out.inWrite::get);
        c.close();
        assertThat(out.completions.get()).isZero();
        out.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> out.completions.get() == 1);
        assertThat(out.completedDuringWrite).isFalse();
        assertThat(ends).containsExactly(SseConnection.End.COMPLETED);
    }

    @Test
    void aCloseOfAnIdleConnectionCompletesIt() {
        SseConnection c = connection(8);
        c.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> out.completions.get() == 1);
    }

    @Test
    void framesQueuedBeforeTheResponseStartsAreWrittenInOrderOnceItDoes() {
        SseConnection c = new SseConnection(512, writers, ends::add, sent::incrementAndGet);
        for (int i = 0; i < 300; i++) {
            c.offer(Frame.comment(Integer.toString(i)));
        }
        assertThat(out.written).as("no response yet").isEmpty();
        c.attach(out); // every write completes at once: the drain loops, it does not recurse
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get() == 300);
        assertThat(out.written).hasSize(300).first().isEqualTo(":0\n\n");
        assertThat(out.written).last().isEqualTo(":299\n\n");
    }

    @Test
    void aWriteFinishedLaterResumesTheDrainWithTheNextFrame() throws Exception {
        SseConnection c = connection(8);
        out.holdWrites.set(true);
        c.offer(Frame.comment("one"));
        await().atMost(Duration.ofSeconds(5)).until(out.inWrite::get);
        c.offer(Frame.comment("two"));
        c.offer(Frame.comment("three"));
        assertThat(out.written).as("one write at a time").containsExactly(":one\n\n");
        out.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get() == 3);
        assertThat(out.written).containsExactly(":one\n\n", ":two\n\n", ":three\n\n");
        assertThat(c.isOpen()).isTrue();
    }

    @Test
    void aFailedWriteEndsTheStreamAndCompletesItsResponse() {
        SseConnection c = connection(8);
        out.failWith.set(new IOException("broken pipe"));
        c.offer(Frame.comment("one"));
        await().atMost(Duration.ofSeconds(5)).until(() -> out.completions.get() == 1);
        assertThat(ends).containsExactly(SseConnection.End.FAILED);
        assertThat(c.offer(Frame.comment("two"))).isFalse();
        assertThat(sent.get()).isZero();
    }
}
