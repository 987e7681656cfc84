package com.seatledger.api.sse;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One SSE client. Frames are queued without blocking (the status reader calls {@link #offer}) and
 * written by a writer pool, one drain per connection at a time so order holds. A write does not block
 * the writer: when the socket cannot take the bytes at once, the drain stops and the write's callback
 * resumes it. A full queue means the client does not keep up: the connection is closed (it resumes
 * with Last-Event-ID) instead of slowing anyone else.
 *
 * <p>Completing the response is a write too, so it happens on the drain that owns the connection,
 * after the write in progress, never beside it: completing from another thread while a frame was being
 * sent let the container recycle the response under the send (a NullPointerException inside the
 * container's output buffer, and a client closed before its snapshot, in a connect storm).
 */
public final class SseConnection implements SseOutput.Events {

    enum End { COMPLETED, OVERFLOW, FAILED }

    private final BlockingQueue<Frame> queue;
    private final Executor writers;
    private final Consumer<End> onEnd;
    private final Runnable onSent;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The server wants the response completed: done by the next drain, after the write in progress. */
    private final AtomicBoolean completeWanted = new AtomicBoolean();
    private final long openedNanos = System.nanoTime();
    private volatile long lastQueuedNanos = openedNanos;
    /** Null until the response is started: frames queue up meanwhile. */
    private volatile SseOutput output;
    /** Written only by the drain that owns the connection. */
    private boolean completed;

    SseConnection(int capacity, Executor writers, Consumer<End> onEnd, Runnable onSent) {
        // linked, not an array: an idle stream's queue is empty, and 10,000 arrays of 256 slots are not
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.writers = writers;
        this.onEnd = onEnd;
        this.onSent = onSent;
    }

    /**
     * Starts the response and writes what is queued. If the client is already gone, the stream just
     * ends: there is nobody to answer.
     */
    public void serve(HttpServletRequest request, HttpServletResponse response) {
        try {
            attach(SseOutput.start(request, response, this));
        } catch (IOException | RuntimeException clientGone) {
            end(End.FAILED);
        }
    }

    void attach(SseOutput out) {
        output = out;
        kick();
    }

    boolean isOpen() {
        return !ended.get();
    }

    long idleNanos() {
        return System.nanoTime() - lastQueuedNanos;
    }

    long ageNanos() {
        return System.nanoTime() - openedNanos;
    }

    /** Frames waiting to be written. */
    int queued() {
        return queue.size();
    }

    /** Never blocks. False when the connection is gone or has just been dropped for overflowing. */
    boolean offer(Frame f) {
        if (!accept(f)) {
            return false;
        }
        kick();
        return true;
    }

    /**
     * Queues the frame without blocking. True when the caller now owns this connection's drain and
     * must run it ({@link #drain}, on a writer thread): a fan-out queues a change to every stream in
     * order on one thread, then drains them in a few slices instead of one task per stream.
     */
    boolean enqueue(Frame f) {
        return accept(f) && output != null && draining.compareAndSet(false, true);
    }

    private boolean accept(Frame f) {
        if (ended.get()) {
            return false;
        }
        if (!queue.offer(f)) {
            end(End.OVERFLOW);
            requestComplete();
            return false;
        }
        lastQueuedNanos = System.nanoTime();
        return true;
    }

    private void kick() {
        if (output != null && draining.compareAndSet(false, true)) {
            runOnWriter(this::drain);
        }
    }

    /** Runs with {@code draining} held: writes until the queue is empty or a write is pending. */
    void drain() {
        for (;;) {
            Frame f = ended.get() ? null : queue.poll();
            if (f == null) {
                if (completeWanted.getAndSet(false)) {
                    completeOutput();
                }
                draining.set(false);
                // a frame queued (or a completion asked for) between the last poll and clearing the flag
                // must not wait for the next one
                if ((!ended.get() && !queue.isEmpty() || completeWanted.get()) && draining.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            if (f.close()) {
                end(End.COMPLETED);
                completeWanted.set(true);
                continue;
            }
            Write w = new Write();
            try {
                output.write(f.bytes(), w);
            } catch (RuntimeException e) {
                w.accept(e);
            }
            if (!w.returned()) {
                return; // pending: the write's callback resumes the drain
            }
            if (w.failure != null) {
                writeFailed();
            } else {
                onSent.run();
            }
        }
    }

    /**
     * One write's completion. If it comes while {@code write} is still on the stack, the drain simply
     * goes on (no recursion however many writes complete at once); if it comes later, it resumes the
     * drain on a writer thread.
     */
    private final class Write implements Consumer<Throwable> {
        private static final int WRITING = 0, PENDING = 1, DONE = 2;
        private final AtomicInteger state = new AtomicInteger(WRITING);
        private volatile Throwable failure;

        @Override
        public void accept(Throwable x) {
            failure = x;
            if (!state.compareAndSet(WRITING, DONE)) {
                runOnWriter(() -> {
                    if (x != null) {
                        writeFailed();
                    } else {
                        onSent.run();
                    }
                    drain();
                });
            }
        }

        /** True when the write completed before {@code write} returned; else the callback takes over. */
        boolean returned() {
            return !state.compareAndSet(WRITING, PENDING);
        }
    }

    /** A write failed: the client is gone. The response is completed by this drain, which owns it. */
    private void writeFailed() {
        end(End.FAILED);
        completeWanted.set(true);
    }

    private void completeOutput() {
        if (!completed) {
            completed = true;
            output.complete();
        }
    }

    /** Completes the response on the connection's own drain, after any write in progress. */
    private void requestComplete() {
        completeWanted.set(true);
        kick();
    }

    private void runOnWriter(Runnable r) {
        try {
            writers.execute(r);
        } catch (RejectedExecutionException shuttingDown) {
            end(End.FAILED);
        }
    }

    /** Ends the stream from the server side (the view is being rebuilt, or the stream is old enough). */
    void close() {
        if (isOpen()) {
            end(End.COMPLETED);
            requestComplete();
        }
    }

    /** The container saw the client go (or time out): nothing more is written. */
    @Override
    public void failed() {
        end(End.FAILED);
        requestComplete();
    }

    /** The container completed the response. */
    @Override
    public void completed() {
        end(End.COMPLETED);
    }

    /** Cleans up exactly once, whichever of completion, timeout, error, overflow or failed send comes first. */
    void end(End why) {
        if (ended.compareAndSet(false, true)) {
            queue.clear();
            onEnd.accept(why);
        }
    }
}
