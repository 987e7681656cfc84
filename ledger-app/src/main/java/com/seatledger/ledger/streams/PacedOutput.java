package com.seatledger.ledger.streams;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Collects a snapshot's JSON and pauses its writer briefly after every {@link #SLICE} bytes. A
 * 50,000-seat show with its holds is ~11 MB of JSON, ~100 ms of one core at once; on a machine
 * whose cores the stream threads, the api-app and the broker share, such a burst every snapshot
 * interval was the REST tail (the slowest 1 % of holds at 100/s came in bursts every 10 s). Paced,
 * the same work is spread over a few hundred milliseconds at about a third of a core.
 * <p>
 * The bytes are kept in slices and copied into one array once, at the end: a growing single buffer
 * (a {@code ByteArrayOutputStream} sized by an estimate) doubled past the estimate and was copied out
 * again, so a 13 MB snapshot left ~43 MB of G1 humongous garbage behind, and the young pause that
 * freed it was one of the REST tail's clusters (82 ms; perf/log.md, 2026-12-06). Slices of 256 KB are
 * below the humongous size of any G1 region of 1 MB or more.
 */
final class PacedOutput extends OutputStream {

    static final int SLICE = 256 * 1024;
    static final long PAUSE_NANOS = 5_000_000;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] slice = new byte[SLICE];
    private int inSlice;
    private final Runnable pause;

    PacedOutput() {
        this(() -> LockSupport.parkNanos(PAUSE_NANOS));
    }

    /** With {@code pause} run after every slice (the tests count them). */
    PacedOutput(Runnable pause) {
        this.pause = pause;
    }

    @Override
    public void write(int b) {
        slice[inSlice++] = (byte) b;
        if (inSlice == SLICE) {
            nextSlice();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, SLICE - inSlice);
            System.arraycopy(b, off, slice, inSlice, n);
            inSlice += n;
            off += n;
            len -= n;
            if (inSlice == SLICE) {
                nextSlice();
            }
        }
    }

    private void nextSlice() {
        full.add(slice);
        slice = new byte[SLICE];
        inSlice = 0;
        pause.run();
    }

    int size() {
        return full.size() * SLICE + inSlice;
    }

    /** Everything written, in one array of exactly its size. */
    byte[] toByteArray() {
        byte[] all = new byte[size()];
        int at = 0;
        for (byte[] s : full) {
            System.arraycopy(s, 0, all, at, SLICE);
            at += SLICE;
        }
        System.arraycopy(slice, 0, all, at, inSlice);
        return all;
    }
}
