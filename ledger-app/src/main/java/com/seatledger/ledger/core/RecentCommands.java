package com.seatledger.ledger.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;

/**
 * The idempotency records of the last day or two: for each command its fingerprint, when it was
 * decided and its result ({@link Codec#processed}).
 *
 * <p>Records are stored in <b>batches</b>, {@code cb|day|batch}, each the records of consecutive
 * commands up to {@value #BATCH_BYTES} bytes, rewritten as it fills ({@link LedgerStore#putLater}:
 * in Kafka Streams encoded and put once per commit) and stored deflated once full
 * ({@link StoreFormat}). The store holding them keeps
 * Kafka Streams' record cache, so a batch rewritten many times within a commit interval reaches the
 * changelog once: a crashed task restores one record per batch, not one per command, which is what
 * bounded a restart after a busy day. Which batch holds a command is known from memory
 * ({@link IdIndex}, rebuilt by one pass over the batches at load), so a command never seen before
 * (nearly all of them) costs no store read at all. Whole days of batches are dropped once outside
 * the window: there is no per-command expiry.
 */
final class RecentCommands {

    static final int BATCH_BYTES = 8 * 1024;
    static final int FORGET_BATCH = 1_000;
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final String BATCHES = "cb|";

    private final LedgerStore store;
    private final IdIndex index = new IdIndex();
    /** The day of each batch, by the first batch of each day (batch numbers only grow). */
    private final TreeMap<Integer, Long> days = new TreeMap<>();
    private int nextBatch;
    private int batch = -1;
    private long batchDay = -1;
    private Bin.Out open;
    private String openKey;

    RecentCommands(LedgerStore store) {
        this.store = store;
        store.scan(BATCHES, BATCHES + '\uffff', (key, stored) -> {
            long day = Long.parseLong(key, 3, 11, 10);
            int b = Integer.parseInt(key, 12, key.length(), 16);
            Map.Entry<Integer, Long> last = days.lastEntry();
            if (last == null || last.getValue() != day) {
                days.put(b, day);
            }
            nextBatch = Math.max(nextBatch, b + 1);
            byte[] value = StoreFormat.body(key, stored);
            Bin.In in = new Bin.In(value);
            while (in.more()) {
                // a million ids at a restart: hashed where they lie, not decoded into strings
                long show = in.skipString();
                long id = in.skipString();
                long hash = Fingerprint.ofId(value, show, id);
                index.put(hash != Fingerprint.NOT_ASCII ? hash : Fingerprint.ofId(text(value, show), text(value, id)), b);
                in.skipBytes();
            }
            return true;
        });
    }

    private static String text(byte[] buf, long range) {
        return new String(buf, (int) (range >>> 32), (int) range, StandardCharsets.UTF_8);
    }

    /** The command's record if it was decided within {@code window} before {@code now}. */
    Codec.Processed processed(Command c, Instant now, Duration window) {
        int b = index.get(Fingerprint.ofId(c.showId(), c.commandId()));
        if (b < 0) {
            return null;
        }
        String key = key(days.floorEntry(b).getValue(), b);
        byte[] bytes = store.get(key);
        if (bytes == null) {
            return null;
        }
        Bin.In in = StoreFormat.read(key, bytes);
        while (in.more()) {
            String show = in.s();
            String id = in.s();
            if (c.commandId().equals(id) && c.showId().equals(show)) {
                Codec.Processed p = Codec.processed(c, new Bin.In(in.bytes(), in.version));
                return now.isBefore(p.decidedAt().plus(window)) ? p : null;
            }
            in.skipBytes();
        }
        return null; // another id with the same 64-bit hash
    }

    void remember(Command c, long fingerprint, Instant now, CommandResult result) {
        long day = Math.max(batchDay, now.toEpochMilli() / DAY);
        if (open == null || day != batchDay || open.size() >= BATCH_BYTES) {
            if (open != null) {
                // full: from now on only read, so stored deflated (within the commit interval the
                // record cache sends only this last version to the changelog)
                store.put(openKey, StoreFormat.deflated(open));
            }
            batch = nextBatch++;
            if (day != batchDay) {
                days.put(batch, day);
            }
            batchDay = day;
            open = new Bin.Out(BATCH_BYTES + 1024);
            openKey = key(batchDay, batch);
        }
        Bin.Out record = Codec.processed(fingerprint, now, result);
        open.s(c.showId()).s(c.commandId()).bytes(record.toBytes()).needs(record.version());
        Bin.Out records = open;
        store.putLater(openKey, () -> StoreFormat.plain(records));
        index.put(Fingerprint.ofId(c.showId(), c.commandId()), batch);
    }

    /** Deletes the batches of days wholly outside the window (at most a batch of them per call); returns how many. */
    int forget(Instant now) {
        long keepFrom = now.toEpochMilli() / DAY - 1;
        List<String> old = new ArrayList<>();
        store.scan(BATCHES, key(keepFrom, 0), (key, value) -> {
            old.add(key);
            return old.size() < FORGET_BATCH;
        });
        if (old.isEmpty()) {
            return 0;
        }
        old.forEach(store::delete);
        String lastKey = old.getLast();
        int lastDeleted = Integer.parseInt(lastKey, 12, lastKey.length(), 16);
        index.retain(b -> b > lastDeleted);
        Long lastDay = days.floorEntry(lastDeleted).getValue();
        days.headMap(lastDeleted, true).entrySet().removeIf(e -> e.getValue() < lastDay);
        return old.size();
    }

    private static String key(long day, int batch) {
        String d = Long.toString(day);
        String b = Integer.toHexString(batch);
        return BATCHES + "00000000".substring(d.length()) + d + '|' + "00000000".substring(b.length()) + b;
    }
}
