package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * The ledger's durable state, as key ranges of one {@link LedgerStore} (binary values, {@link Codec}):
 * <ul>
 * <li>{@code sl|show|chunk}: the show's layout, written once at CREATE;
 * <li>{@code sk|show|chunk}: a checkpoint of the show's state at some seq;
 * <li>{@code sj|show|slot}: the journal, one entry per change since (and before) the checkpoint, in
 * a ring of {@value #RING} slots per show that is overwritten in place (no deletes to pay for);
 * <li>{@code sd|show}: shows changed since their last snapshot;
 * <li>{@code sc|}: the {@code coveredUntil} of the task's last snapshot pass (seat-status records
 * are never stamped earlier, whichever instance writes them);
 * <li>{@code sa|show}: an archived show's id, so that it is never created again (the only trace
 * an archived show leaves besides its commands' idempotency records ({@link RecentCommands}), which
 * age out with the window).
 * </ul>
 * An accepted command writes one journal entry (and its idempotency record, {@link RecentCommands}). Loading a show = its layout + its checkpoint + the ring's entries after the checkpoint.
 * A checkpoint is written when the entries since the last one outweigh it (or fill half the ring),
 * so checkpoints cost at most about as much as the journal, and a load replays a bounded tail.
 */
final class Journal {

    static final int RING = 1 << 16;
    static final int CHUNK = 256 * 1024;
    static final int MIN_CHECKPOINT_GAP = 64 * 1024;

    private static final String LAYOUT = "sl|";
    private static final String CHECKPOINT = "sk|";
    private static final String ENTRY = "sj|";
    private static final String SNAPSHOT_DUE = "sd|";
    private static final String ARCHIVED = "sa|";
    private static final String COVERED = "sc|";
    private static final String FIRST_CHUNK = "|0000";

    /** Per show: what was written since its checkpoint, and the checkpoint's size. */
    private static final class Tail {
        int entries;
        long bytes;
        long checkpointBytes;
        int checkpointChunks;
    }

    private final LedgerStore store;
    private final Map<String, Tail> tails = new HashMap<>();
    private long entriesWritten;
    private long checkpointsWritten;

    Journal(LedgerStore store) {
        this.store = store;
    }

    long entriesWritten() {
        return entriesWritten;
    }

    long checkpointsWritten() {
        return checkpointsWritten;
    }

    // ---- shows

    /** Every show in the store, each loaded from its checkpoint and journal. */
    List<ShowState> loadAll() {
        List<String> ids = new ArrayList<>();
        store.scan(LAYOUT, LAYOUT + '\uffff', (key, value) -> {
            if (key.endsWith(FIRST_CHUNK)) {
                ids.add(key.substring(LAYOUT.length(), key.length() - FIRST_CHUNK.length()));
            }
            return true;
        });
        List<ShowState> shows = new ArrayList<>(ids.size());
        for (String id : ids) {
            shows.add(load(id));
        }
        return shows;
    }

    /** The show as the store has it: checkpoint, then the journal entries after it, in seq order. */
    ShowState load(String showId) {
        ShowState show = Codec.show(showId, getBlob(LAYOUT, showId));
        Tail tail = new Tail();
        byte[] checkpoint = getBlob(CHECKPOINT, showId);
        Codec.restore(show, checkpoint);
        tail.checkpointBytes = checkpoint.length;
        tail.checkpointChunks = chunks(checkpoint.length);
        while (true) {
            byte[] entry = store.get(entryKey(showId, show.seq + 1));
            if (entry == null || Codec.entrySeq(entry) != show.seq + 1) {
                break;
            }
            show.apply(Codec.change(show, entry), s -> {
            });
            tail.entries++;
            tail.bytes += entry.length;
        }
        tails.put(showId, tail);
        return show;
    }

    /**
     * Removes every record of the show's state (layout, checkpoint, journal, snapshot mark) and
     * marks its id archived. The journal slots written are at most the show's seq, so the work is
     * bounded by the show's own history, never a scan of the store.
     */
    void erase(ShowState show) {
        String id = show.showId;
        int layoutChunks = new Bin.In(store.get(LAYOUT + id + FIRST_CHUNK)).i();
        for (int i = 0; i < layoutChunks; i++) {
            store.delete(LAYOUT + id + '|' + hex4(i));
        }
        Tail tail = tails.remove(id);
        int checkpointChunks = tail == null ? 1 : Math.max(1, tail.checkpointChunks);
        for (int i = 0; i < checkpointChunks; i++) {
            store.delete(CHECKPOINT + id + '|' + hex4(i));
        }
        for (long q = Math.max(1, show.seq - RING + 1); q <= show.seq; q++) {
            store.delete(entryKey(id, q));
        }
        store.delete(SNAPSHOT_DUE + id);
        store.put(ARCHIVED + id, new byte[0]);
    }

    List<String> archived() {
        List<String> ids = new ArrayList<>();
        store.scan(ARCHIVED, ARCHIVED + '\uffff', (key, value) -> ids.add(key.substring(ARCHIVED.length())));
        return ids;
    }

    void created(ShowState show) {
        putBlob(LAYOUT, show.showId, Codec.layout(show), 0);
        tails.put(show.showId, new Tail());
        checkpoint(show);
    }

    /** Records an applied change (the show is already at the entry's seq). */
    void append(ShowState show, byte[] entry) {
        store.put(entryKey(show.showId, show.seq), entry);
        entriesWritten++;
        Tail tail = tails.computeIfAbsent(show.showId, id -> new Tail());
        tail.entries++;
        tail.bytes += entry.length;
        if (tail.entries >= RING / 2 || tail.bytes >= Math.max(MIN_CHECKPOINT_GAP, tail.checkpointBytes)) {
            checkpoint(show);
        }
    }

    void checkpoint(ShowState show) {
        Tail tail = tails.computeIfAbsent(show.showId, id -> new Tail());
        byte[] bytes = Codec.checkpoint(show);
        tail.checkpointChunks = putBlob(CHECKPOINT, show.showId, bytes, tail.checkpointChunks);
        tail.checkpointBytes = bytes.length;
        tail.entries = 0;
        tail.bytes = 0;
        checkpointsWritten++;
    }

    private static String entryKey(String showId, long seq) {
        return ENTRY + showId + '|' + hex4((int) (seq & (RING - 1)));
    }

    // ---- snapshots due

    List<String> snapshotsDue() {
        List<String> due = new ArrayList<>();
        store.scan(SNAPSHOT_DUE, SNAPSHOT_DUE + '\uffff', (key, value) -> due.add(key.substring(SNAPSHOT_DUE.length())));
        return due;
    }

    void snapshotDue(String showId, Instant since) {
        store.put(SNAPSHOT_DUE + showId, new Bin.Out(10).t(since).toBytes());
    }

    void snapshotTaken(String showId) {
        store.delete(SNAPSHOT_DUE + showId);
    }

    /** The last snapshot pass's coveredUntil in epoch millis, 0 before the first. */
    long coveredUntil() {
        byte[] v = store.get(COVERED);
        return v == null ? 0 : new Bin.In(v).u();
    }

    void coveredUntil(long epochMillis) {
        store.put(COVERED, new Bin.Out(10).u(epochMillis).toBytes());
    }

    // ---- blobs: values larger than a Kafka record may be split into chunks

    private static int chunks(int length) {
        return Math.max(1, (length + CHUNK - 1) / CHUNK);
    }

    /** Writes {@code data} as chunks {@code 0..n-1} and deletes chunks left from a longer old value. */
    private int putBlob(String prefix, String showId, byte[] data, int oldChunks) {
        int n = chunks(data.length);
        for (int i = 0; i < n; i++) {
            int from = i * CHUNK;
            byte[] part = java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + CHUNK));
            store.put(prefix + showId + '|' + hex4(i), new Bin.Out(part.length + 8).u(n).bytes(part).toBytes());
        }
        for (int i = n; i < oldChunks; i++) {
            store.delete(prefix + showId + '|' + hex4(i));
        }
        return n;
    }

    private byte[] getBlob(String prefix, String showId) {
        Bin.In first = new Bin.In(store.get(prefix + showId + FIRST_CHUNK));
        int n = first.i();
        byte[] part = first.bytes();
        if (n == 1) {
            return part;
        }
        Bin.Out all = new Bin.Out(n * CHUNK);
        all.raw(part);
        for (int i = 1; i < n; i++) {
            Bin.In next = new Bin.In(store.get(prefix + showId + '|' + hex4(i)));
            next.u();
            all.raw(next.bytes());
        }
        return all.toBytes();
    }

    private static String hex4(int v) {
        char[] c = new char[4];
        for (int i = 3; i >= 0; i--) {
            c[i] = Character.forDigit(v & 0xF, 16);
            v >>>= 4;
        }
        return new String(c);
    }

}
