package com.seatledger.ledger.core;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * A {@link LedgerStore} that holds {@link #putLater} values back until {@link #writePending}, which
 * the Kafka Streams adapter calls as the task commits (before the record cache goes to the
 * changelog, in the same transaction as the outputs). The open journal page and the open idempotency
 * batch are rewritten by every command; through this they are encoded and put once per commit, not
 * once per command (two store puts and two copies of up to 8 KB per command before).
 *
 * <p>Reads never see the difference: a {@link #get} of a pending key returns its value, a
 * {@link #scan} writes the pending keys in its range first, and a {@link #put} or {@link #delete}
 * of a key replaces its pending value. What is pending when a task fails is lost with the rest of
 * the uncommitted transaction, as it must be under exactly-once.
 */
public final class PendingPuts implements LedgerStore {

    private final LedgerStore store;
    private final Map<String, Supplier<byte[]>> pending = new HashMap<>();

    public PendingPuts(LedgerStore store) {
        this.store = store;
    }

    @Override
    public byte[] get(String key) {
        Supplier<byte[]> value = pending.get(key);
        return value != null ? value.get() : store.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        pending.remove(key);
        store.put(key, value);
    }

    @Override
    public void putLater(String key, Supplier<byte[]> value) {
        pending.put(key, value);
    }

    @Override
    public void delete(String key) {
        pending.remove(key);
        store.delete(key);
    }

    @Override
    public void scan(String from, String to, BiPredicate<String, byte[]> visitor) {
        for (Iterator<Map.Entry<String, Supplier<byte[]>>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Supplier<byte[]>> e = it.next();
            if (e.getKey().compareTo(from) >= 0 && e.getKey().compareTo(to) < 0) {
                store.put(e.getKey(), e.getValue().get());
                it.remove();
            }
        }
        store.scan(from, to, visitor);
    }

    /** Puts every pending value as it is now (the task is about to commit). */
    public void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        pending.forEach((key, value) -> store.put(key, value.get()));
        pending.clear();
    }

    /** Keys waiting for {@link #writePending}. */
    public int pendingCount() {
        return pending.size();
    }
}
