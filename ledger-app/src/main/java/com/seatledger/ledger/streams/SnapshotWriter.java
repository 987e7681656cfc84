package com.seatledger.ledger.streams;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.seatledger.ledger.core.ShowSnapshots;

/**
 * One task's snapshot passes, from the stream thread's side. {@link #begin} only copies each changed
 * show's state; the snapshots are built and serialised on the instance's builder thread
 * ({@link PacedOutput}) and forwarded by {@link #write} from a later punctuation, in whatever
 * transaction is open then, with the pass's marks and {@code coveredUntil}. Built on the stream
 * thread, a 50,000-seat show with its holds stopped every decision for 100-500 ms every interval.
 */
final class SnapshotWriter {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);

    /** One show's snapshot, serialised off the stream thread. */
    private record Built(String showId, byte[] json) {
    }

    /** The longest a large show's changes wait for a pass, in snapshot intervals. */
    static final int LONGEST_SPACING = 6;

    private final ShowSnapshots snapshots;
    private final ExecutorService builder;
    private final LedgerSettings settings;
    private final String task;
    /** the pass begun and not yet written, and its snapshots being built */
    private ShowSnapshots.Pass pass;
    private Future<List<Built>> bytes;
    private long begun;

    /** {@code builder} is shared by every task of the instance and builds one pass at a time. */
    SnapshotWriter(ShowSnapshots snapshots, ExecutorService builder, LedgerSettings settings, String task) {
        this.snapshots = snapshots;
        this.builder = builder;
        this.settings = settings;
        this.task = task;
    }

    /**
     * Begins a pass over the shows changed since the last, when one is worth it
     * ({@link ShowSnapshots#worthAPass}: large shows wait for enough events, at most
     * {@value #LONGEST_SPACING} snapshot intervals); true when a pass began.
     */
    boolean begin(long wallClockMillis) {
        long started = System.nanoTime();
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        if (!snapshots.worthAPass(now, settings.snapshotInterval().multipliedBy(LONGEST_SPACING))) {
            return false;
        }
        ShowSnapshots.Pass p = snapshots.begin(now);
        if (p == null) {
            return false;
        }
        log.debug("task {}: snapshot pass begun, the shows' state copied in {} µs", task,
                (System.nanoTime() - started) / 1_000);
        pass = p;
        begun = wallClockMillis;
        bytes = builder.submit(() -> p.shows().stream().map(SnapshotWriter::serialise).toList());
        return true;
    }

    boolean pending() {
        return pass != null;
    }

    private static Built serialise(ShowSnapshots.Frozen show) {
        PacedOutput out = new PacedOutput();
        show.writeJson(out);
        return new Built(show.showId(), out.toByteArray());
    }

    /**
     * Forwards the pending pass's snapshots to {@code sink} once they are built, from the punctuation
     * after the one that began it. Waits for them only when {@code wait} (the next pass begins) or
     * the pass is half a snapshot interval old: every task of the instance shares one builder, and a
     * punctuation that waited for a pass queued behind other tasks' big shows would stall its stream
     * thread just as building on it did.
     */
    void write(boolean wait, long wallClockMillis, ProcessorContext<Object, Object> context, String sink) {
        ShowSnapshots.Pass p = pass;
        long age = wallClockMillis - begun;
        // never in the round of punctuations that began the pass: what is written when stays a
        // function of the wall clock, not of how fast the builder happened to be
        if (p == null || !wait && (age < settings.punctuateInterval().toMillis()
                || !bytes.isDone() && age < settings.snapshotInterval().toMillis() / 2)) {
            return;
        }
        pass = null;
        List<Built> built;
        try {
            built = bytes.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            snapshots.abandon(p);
            return;
        } catch (ExecutionException e) {
            // a bug in building: the shows stay marked and the next pass tries them again
            log.error("task {}: a snapshot pass failed; its shows are snapshotted again next time", task, e.getCause());
            snapshots.abandon(p);
            return;
        }
        long ts = p.coveredUntil.toEpochMilli();
        long written = 0;
        long forwarding = System.nanoTime();
        for (Built b : built) {
            if (!p.dropped(b.showId())) {
                context.forward(new Record<>(b.showId(), b.json(), ts, new RecordHeaders()), sink);
                written += b.json().length;
            }
        }
        // the forward is the stream thread's share of writing them (the producer's send, compression if any)
        log.debug("task {}: wrote {} snapshots, {} bytes, of a pass begun {} ms ago, sent in {} µs", task,
                built.size(), written, age, (System.nanoTime() - forwarding) / 1_000);
        snapshots.finish(p);
    }

    /** A pass not written yet is dropped: its shows' marks are still in the store for the task's next owner. */
    void close() {
        if (bytes != null) {
            bytes.cancel(false);
        }
        pass = null;
    }
}
