package com.seatledger.api.sse;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One SSE client. Frames are queued without blocking (the status reader calls {@link #offer}) and
 * written by a writer pool, one drain per connection at a time so order holds. A full queue means
 * the client does not keep up: the connection is closed (it resumes with Last-Event-ID) instead of
 * slowing anyone else.
 *
 * <p>Completing the response is a write too, so it happens on the drain that owns the connection,
 * never beside it: completing from another thread while a frame is being sent let the container
 * recycle the response under the send (a NullPointerException inside Tomcat's output buffer, and a
 * client closed before its snapshot, in a connect storm).
 */
final class SseConnection {

    enum End { COMPLETED, OVERFLOW, FAILED }

    private final SseEmitter emitter;
    private final BlockingQueue<Frame> queue;
    private final Executor writers;
    private final Consumer<End> onEnd;
    private final Runnable onSent;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The server wants the response completed: done by the next drain, after the send in progress. */
    private final AtomicBoolean completeWanted = new AtomicBoolean();
    private volatile long lastQueuedNanos = System.nanoTime();

    SseConnection(SseEmitter emitter, int capacity, Executor writers, Consumer<End> onEnd, Runnable onSent) {
        this.emitter = emitter;
        // linked, not an array: an idle stream's queue is empty, and 10,000 arrays of 256 slots are not
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.writers = writers;
        this.onEnd = onEnd;
        this.onSent = onSent;
        emitter.onCompletion(() -> end(End.COMPLETED));
        emitter.onTimeout(() -> end(End.COMPLETED));
        emitter.onError(e -> end(End.FAILED));
    }

    SseEmitter emitter() {
        return emitter;
    }

    boolean isOpen() {
        return !ended.get();
    }

    long idleNanos() {
        return System.nanoTime() - lastQueuedNanos;
    }

    /** Frames waiting to be written. */
    int queued() {
        return queue.size();
    }

    /** Never blocks. False when the connection is gone or has just been dropped for overflowing. */
    boolean offer(Frame f) {
        if (ended.get()) {
            return false;
        }
        if (!queue.offer(f)) {
            end(End.OVERFLOW);
            requestComplete();
            return false;
        }
        lastQueuedNanos = System.nanoTime();
        if (draining.compareAndSet(false, true)) {
            runOnWriter(this::drain);
        }
        return true;
    }

    private void drain() {
        try {
            Frame f;
            while (!ended.get() && (f = queue.poll()) != null) {
                if (f.close()) {
                    end(End.COMPLETED);
                    emitter.complete();
                    return;
                }
                emitter.send(f.wire());
                onSent.run();
            }
            if (completeWanted.getAndSet(false)) {
                emitter.complete();
            }
        } catch (IOException | RuntimeException e) {
            end(End.FAILED);
            completeQuietly(e);
        } finally {
            draining.set(false);
        }
        // a frame queued (or a completion asked for) between the last poll and clearing the flag must not
        // wait for the next one
        if ((!ended.get() && !queue.isEmpty() || completeWanted.get()) && draining.compareAndSet(false, true)) {
            runOnWriter(this::drain);
        }
    }

    /** Completes the response on the connection's own drain, after any send in progress. */
    private void requestComplete() {
        completeWanted.set(true);
        if (draining.compareAndSet(false, true)) {
            runOnWriter(this::drain);
        }
    }

    private void completeQuietly(Throwable cause) {
        try {
            emitter.completeWithError(cause);
        } catch (RuntimeException ignored) {
            // already completed by the container
        }
    }

    private void runOnWriter(Runnable r) {
        try {
            writers.execute(r);
        } catch (RejectedExecutionException shuttingDown) {
            end(End.FAILED);
        }
    }

    /** Ends the stream from the server side (for example the show's view is being rebuilt). */
    void close() {
        if (isOpen()) {
            end(End.COMPLETED);
            requestComplete();
        }
    }

    /** Cleans up exactly once, whichever of completion, timeout, error, overflow or failed send comes first. */
    void end(End why) {
        if (ended.compareAndSet(false, true)) {
            queue.clear();
            onEnd.accept(why);
        }
    }
}
