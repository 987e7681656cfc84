package com.seatledger.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.seatledger.ledger.Cmd;
import com.seatledger.ledger.core.Ledger;
import com.seatledger.ledger.core.MemoryStore;
import com.seatledger.topics.message.Command;

/** A task's counters reach the metrics as differences since the last report; its gauges as they are. */
class TaskMetersTest {

    /** Every call, as text. */
    private final List<String> calls = new ArrayList<>();
    private final LedgerMetrics recording = new LedgerMetrics() {
        @Override
        public void loaded(String task, int shows, long nanos) {
            calls.add("loaded " + task + " " + shows + (nanos > 0 ? " (timed)" : ""));
        }

        @Override
        public void written(long journalEntries, long checkpoints) {
            calls.add("written " + journalEntries + " " + checkpoints);
        }

        @Override
        public void size(String task, int shows, int activeHolds) {
            calls.add("size " + task + " " + shows + " " + activeHolds);
        }

        @Override
        public void closed(String task) {
            calls.add("closed " + task);
        }
    };
    private final Cmd cmd = new Cmd();
    private final MemoryStore store = new MemoryStore();

    private void decide(Ledger ledger, Command c) {
        ledger.decide(c, Cmd.T0);
    }

    @Test
    void countersAreReportedAsWhatChangedSinceTheLastReport() {
        Ledger ledger = new Ledger(store);
        TaskMeters meters = new TaskMeters(recording, "0_1", 0);
        assertThat(calls).containsExactly("loaded 0_1 0");

        decide(ledger, cmd.create("s1", null, Cmd.rows("STALLS", "A", 10)));
        decide(ledger, cmd.hold("alice", "s1", "h-1", "A-1"));
        decide(ledger, cmd.hold("bob", "s1", "h-2", "A-2"));
        calls.clear();
        meters.report(ledger);
        assertThat(calls).containsExactly("written 2 1", "size 0_1 1 2"); // CREATE is a checkpoint, holds are entries

        calls.clear();
        meters.report(ledger);
        assertThat(calls).as("nothing new").containsExactly("written 0 0", "size 0_1 1 2");

        decide(ledger, cmd.release("alice", "s1", "h-1"));
        calls.clear();
        meters.closed(ledger);
        assertThat(calls).containsExactly("written 1 0", "size 0_1 1 1", "closed 0_1");
    }

    @Test
    void showsLoadedFromTheStoreAreReportedOnceEach() {
        Ledger first = new Ledger(store);
        decide(first, cmd.create("s1", null, Cmd.rows("STALLS", "A", 10)));
        decide(first, cmd.hold("alice", "s1", "h-1", "A-1"));

        Ledger restarted = new Ledger(store); // the task's next owner: s1 waits in the store
        TaskMeters meters = new TaskMeters(recording, "0_1", 1_000);
        decide(restarted, cmd.hold("bob", "s1", "h-2", "A-2")); // names s1: it is loaded
        calls.clear();
        meters.report(restarted);
        meters.report(restarted);
        assertThat(calls).containsExactly("written 1 0", "loaded 0_1 1 (timed)", "size 0_1 1 2",
                "written 0 0", "size 0_1 1 2");
    }
}
