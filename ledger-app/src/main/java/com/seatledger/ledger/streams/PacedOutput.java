package com.seatledger.ledger.streams;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Collects a snapshot's JSON and pauses its writer briefly after every {@link #SLICE} bytes. A
 * 50,000-seat show with its holds is ~11 MB of JSON, ~100 ms of one core at once; on a machine
 * whose cores the stream threads, the api-app and the broker share, such a burst every snapshot
 * interval was the REST tail (the slowest 1 % of holds at 100/s came in bursts every 10 s). Paced,
 * the same work is spread over a few hundred milliseconds at about a third of a core.
 */
final class PacedOutput extends ByteArrayOutputStream {

    static final int SLICE = 256 * 1024;
    static final long PAUSE_NANOS = 5_000_000;

    private int sinceLastPause;
    private final Runnable pause;

    PacedOutput(int sizeHint) {
        this(sizeHint, () -> LockSupport.parkNanos(PAUSE_NANOS));
    }

    /** With {@code pause} run after every slice (the tests count them). */
    PacedOutput(int sizeHint, Runnable pause) {
        super(Math.max(sizeHint, 1024));
        this.pause = pause;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        super.write(b, off, len);
        sinceLastPause += len;
        if (sinceLastPause >= SLICE) {
            sinceLastPause = 0;
            pause.run();
        }
    }
}
