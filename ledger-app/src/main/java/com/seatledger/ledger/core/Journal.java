package com.seatledger.ledger.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * The ledger's durable state, as key ranges of one {@link LedgerStore} (binary values, {@link Codec}):
 * <ul>
 * <li>{@code sl|show|chunk}: the show's layout, written once at CREATE;
 * <li>{@code sk|show|chunk}: a checkpoint of the show's state at some seq;
 * <li>{@code sp|show|firstSeq}: the journal since the checkpoint, one entry per change, in pages of
 * consecutive entries (up to about {@value #PAGE_BYTES} bytes, keyed by the seq of their first entry).
 * The open page is announced again with every entry ({@link LedgerStore#putLater}: in Kafka Streams
 * encoded and put once per commit, into a store with Kafka Streams' record cache), so it reaches the
 * changelog as one record per page and commit, and a crashed task restores a record per page, not one
 * per command. A checkpoint deletes the pages it covers, so compaction keeps only
 * the live tail;
 * <li>{@code sd|show} and {@code sc|}: the snapshot passes' marks, kept by {@link SnapshotMarks}
 * (a show's is removed with it);
 * <li>{@code sa|show}: an archived show's id, so that it is never created again (the only trace
 * an archived show leaves besides its commands' idempotency records ({@link RecentCommands}), which
 * age out with the window).
 * </ul>
 * Every value starts with its format version ({@link StoreFormat}); full pages, layouts and
 * checkpoints are stored deflated.
 * An accepted command appends one journal entry (and its idempotency record, {@link RecentCommands}).
 * Loading a show = its layout + its checkpoint + the entries of its pages. A checkpoint is written
 * when the entries since the last one weigh {@value #CHECKPOINT_RATIO} times as much as it (or number
 * {@value #MAX_TAIL_ENTRIES}), so checkpoints cost at most a quarter as much as the journal (a young
 * changelog, not yet compacted, is restored whole after a crash), and a load replays a bounded tail.
 * A checkpoint is the whole show, encoded and deflated on the stream thread and put into the
 * changelog in its commit: for a large, busy show (at an on-sale, megabytes with its holds) the
 * commit that carries one was the slowest moment of the REST benchmark, so they are spaced widely;
 * a load replays up to {@value #MAX_TAIL_ENTRIES} entries in memory (about a microsecond each).
 */
final class Journal {

    static final int PAGE_BYTES = 8 * 1024;
    static final int MAX_TAIL_ENTRIES = 1 << 17;
    static final int MIN_CHECKPOINT_GAP = 64 * 1024;
    static final int CHECKPOINT_RATIO = 4;

    private static final String LAYOUT = "sl|";
    private static final String CHECKPOINT = "sk|";
    private static final String PAGE = "sp|";
    private static final String ARCHIVED = "sa|";

    /** Per show: what was written since its checkpoint, and the checkpoint's size. */
    private static final class Tail {
        int entries;
        long bytes;
        long checkpointBytes;
        int checkpointChunks;
        /** The store keys of the show's pages, oldest first; the last is the open page's. */
        final List<String> pages = new ArrayList<>();
        /** The newest page's entries; null when the next entry starts a page. */
        Bin.Out open;

        void journaled(int entryBytes) {
            entries++;
            bytes += entryBytes;
        }
    }

    private final LedgerStore store;
    private final Blobs blobs;
    private final SnapshotMarks marks;
    private final Map<String, Tail> tails = new HashMap<>();
    private long entriesWritten;
    private long checkpointsWritten;

    Journal(LedgerStore store, SnapshotMarks marks) {
        this.store = store;
        this.blobs = new Blobs(store);
        this.marks = marks;
    }

    long entriesWritten() {
        return entriesWritten;
    }

    long checkpointsWritten() {
        return checkpointsWritten;
    }

    // ---- shows

    /** The id of every show in the store. */
    List<String> showIds() {
        List<String> ids = new ArrayList<>();
        store.scan(LAYOUT, LAYOUT + '\uffff', (key, value) -> {
            if (key.endsWith(Blobs.FIRST)) {
                ids.add(key.substring(LAYOUT.length(), key.length() - Blobs.FIRST.length()));
            }
            return true;
        });
        return ids;
    }

    /** The show as the store has it: checkpoint, then the journal entries after it, in seq order. */
    ShowState load(String showId) {
        ShowState show = Codec.show(showId, blobs.get(LAYOUT, showId));
        Tail tail = new Tail();
        Bin.In checkpoint = blobs.get(CHECKPOINT, showId);
        Codec.restore(show, checkpoint);
        tail.checkpointBytes = checkpoint.array().length;
        tail.checkpointChunks = blobs.chunks(CHECKPOINT, showId);
        Bin.In[] newest = new Bin.In[1];
        String prefix = PAGE + showId + '|';
        store.scan(prefix, prefix + '\uffff', (key, stored) -> {
            Bin.In in = StoreFormat.read(key, stored);
            tail.pages.add(key);
            newest[0] = in;
            while (in.more()) {
                byte[] entry = in.bytes();
                // entries up to the checkpoint's seq are in it; pages hold nothing older, as a checkpoint deletes them
                if (Codec.entrySeq(entry) == show.seq + 1) {
                    show.apply(Codec.change(show, new Bin.In(entry, in.version)), s -> {
                    });
                    tail.journaled(entry.length);
                }
            }
            return true;
        });
        if (newest[0] != null) {
            tail.open = new Bin.Out(PAGE_BYTES + 1024).raw(newest[0].array()).needs(newest[0].version);
        }
        tails.put(showId, tail);
        return show;
    }

    /**
     * Removes every record of the show's state (layout, checkpoint, journal, snapshot mark) and
     * marks its id archived. The work is bounded by the show's own records (its pages since the
     * checkpoint), never a scan of the store.
     */
    void erase(ShowState show) {
        String id = show.showId;
        blobs.delete(LAYOUT, id, 0, blobs.chunks(LAYOUT, id));
        Tail tail = tails.remove(id);
        blobs.delete(CHECKPOINT, id, 0, tail == null ? 1 : Math.max(1, tail.checkpointChunks));
        deletePages(id);
        marks.taken(id);
        store.put(ARCHIVED + id, StoreFormat.plain(new Bin.Out(0)));
    }

    List<String> archived() {
        List<String> ids = new ArrayList<>();
        store.scan(ARCHIVED, ARCHIVED + '\uffff', (key, value) -> ids.add(key.substring(ARCHIVED.length())));
        return ids;
    }

    void created(ShowState show) {
        blobs.put(LAYOUT, show.showId, Codec.layout(show), 0);
        tails.put(show.showId, new Tail());
        checkpoint(show);
    }

    /** Records an applied change (the show is already at the entry's seq). */
    void append(ShowState show, Bin.Out entry) {
        Tail tail = tails.computeIfAbsent(show.showId, id -> new Tail());
        if (tail.open == null || tail.open.size() >= PAGE_BYTES) {
            if (tail.open != null) {
                // full: stored deflated from now on (the record cache sends the changelog only the
                // last version written within a commit interval)
                store.put(tail.pages.getLast(), StoreFormat.deflated(tail.open));
            }
            tail.open = new Bin.Out(PAGE_BYTES + 1024);
            tail.pages.add(pageKey(show.showId, show.seq));
        }
        tail.open.bytes(entry.toBytes()).needs(entry.version());
        Bin.Out page = tail.open;
        store.putLater(tail.pages.getLast(), () -> StoreFormat.plain(page));
        entriesWritten++;
        tail.journaled(entry.size());
        if (tail.entries >= MAX_TAIL_ENTRIES || tail.bytes >= Math.max(MIN_CHECKPOINT_GAP, CHECKPOINT_RATIO * tail.checkpointBytes)) {
            checkpoint(show);
        }
    }

    /** Writes the show's state at its seq and deletes the journal it makes redundant. */
    void checkpoint(ShowState show) {
        Tail tail = tails.computeIfAbsent(show.showId, id -> new Tail());
        Bin.Out bytes = Codec.checkpoint(show);
        tail.checkpointChunks = blobs.put(CHECKPOINT, show.showId, bytes, tail.checkpointChunks);
        tail.checkpointBytes = bytes.size();
        tail.entries = 0;
        tail.bytes = 0;
        tail.pages.forEach(store::delete);
        tail.pages.clear();
        tail.open = null;
        checkpointsWritten++;
    }

    private void deletePages(String showId) {
        keys(PAGE + showId + '|').forEach(store::delete);
    }

    private List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        store.scan(prefix, prefix + '\uffff', (key, value) -> keys.add(key));
        return keys;
    }

    private static String pageKey(String showId, long firstSeq) {
        return PAGE + showId + '|' + hex(firstSeq, 16);
    }

    /** {@code v} in {@code digits} hex digits, zero-padded: keys sort in number order. */
    static String hex(long v, int digits) {
        char[] c = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            c[i] = Character.forDigit((int) (v & 0xF), 16);
            v >>>= 4;
        }
        return new String(c);
    }

}
