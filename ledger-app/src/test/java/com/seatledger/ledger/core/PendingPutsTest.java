package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PendingPutsTest {

    private final MemoryStore store = new MemoryStore();
    private final PendingPuts pending = new PendingPuts(store);
    private final StringBuilder page = new StringBuilder();

    private void append(String key, String entry) {
        page.append(entry);
        pending.putLater(key, () -> bytes(page.toString()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void heldBackUntilWrittenThenPutOnceAsItIsThen() {
        append("sp|a", "1");
        append("sp|a", "2");
        assertThat(store.get("sp|a")).isNull();
        assertThat(store.writes()).isZero();
        append("sp|a", "3");
        pending.writePending();
        assertThat(text(store.get("sp|a"))).isEqualTo("123");
        assertThat(store.writes()).as("one put for three rewrites").isEqualTo(1);
        assertThat(pending.pendingCount()).isZero();
        pending.writePending();
        assertThat(store.writes()).as("nothing pending, nothing written").isEqualTo(1);
    }

    @Test
    void aGetSeesThePendingValue() {
        store.put("sp|a", bytes("old"));
        append("sp|a", "new");
        assertThat(text(pending.get("sp|a"))).isEqualTo("new");
        assertThat(text(pending.get("sp|b"))).isNull();
    }

    @Test
    void aPutOrDeleteReplacesWhatWasPending() {
        append("sp|a", "open");
        pending.put("sp|a", bytes("full"));
        append("sp|b", "open");
        pending.delete("sp|b");
        pending.writePending();
        assertThat(text(store.get("sp|a"))).isEqualTo("full");
        assertThat(store.get("sp|b")).isNull();
    }

    @Test
    void aScanSeesThePendingKeysOfItsRangeAndWritesOnlyThose() {
        store.put("cb|1", bytes("x"));
        append("cb|2", "y");
        pending.putLater("sp|a", () -> bytes("z"));
        List<String> seen = new ArrayList<>();
        pending.scan("cb|", "cb|\uffff", (k, v) -> seen.add(k + "=" + text(v)));
        assertThat(seen).containsExactly("cb|1=x", "cb|2=y");
        assertThat(store.get("sp|a")).as("outside the range: still pending").isNull();
        assertThat(pending.pendingCount()).isEqualTo(1);
    }
}
