package com.seatledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Layout;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.SeatChange;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowEvent;
import com.seatledger.topics.message.ShowSeat;
import com.seatledger.topics.message.ShowSnapshot;

/** The seat-map view: applying events, resume buffers, gaps, holds, read-your-writes waits. */
class ShowViewTest {

    static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    static final Map<String, Availability> AV = Map.of("S", new Availability(3, 0, 0, 0));

    static ShowEvent create() {
        List<SeatDef> seats = List.of(new SeatDef("A-1", "M", "A", 1, "S"), new SeatDef("A-2", "M", "A", 2, "S"),
                new SeatDef("A-3", "M", "A", 3, "S"));
        return new ShowEvent("s", 1, T, Cause.CREATE, "c1", "admin", null, null, null, null, List.of(), AV,
                new Layout("Show", T, Policy.DEFAULTS, seats));
    }

    static Hold hold(String id, String actor, HoldStatus status, String... seats) {
        return new Hold(id, actor, List.of(seats), T, T.plusSeconds(600), status);
    }

    static ShowEvent event(long seq, Cause cause, Hold hold, SeatStatus to, String... seats) {
        List<SeatChange> changes = new ArrayList<>();
        for (String s : seats) {
            changes.add(new SeatChange(s, to));
        }
        return new ShowEvent("s", seq, T, cause, "c" + seq, hold == null ? null : hold.actor(), hold, null, null,
                null, changes, AV, null);
    }

    @Test
    void appliesEventsAndKeepsDeltasForResume() {
        ShowView v = ShowView.created(create(), 0, 2);
        ShowView.Change c = v.apply(event(2, Cause.HOLD, hold("h1", "alice", HoldStatus.ACTIVE, "A-1"), SeatStatus.HELD,
                "A-1"));
        assertThat(c.delta().seq()).isEqualTo(2);
        assertThat(c.holds()).extracting(Hold::holdId).containsExactly("h1");
        assertThat(v.apply(event(3, Cause.EXTEND, hold("h1", "alice", HoldStatus.ACTIVE, "A-1"), null)).delta())
                .as("EXTEND changes no seat").isNull();
        v.apply(event(4, Cause.HOLD, hold("h2", "bob", HoldStatus.ACTIVE, "A-2"), SeatStatus.HELD, "A-2"));
        assertThat(v.body().seats()).extracting(ShowSeat::status)
                .containsExactly(SeatStatus.HELD, SeatStatus.HELD, SeatStatus.AVAILABLE);
        assertThat(v.deltasAfter(1)).extracting(SeatsDelta::seq).containsExactly(2L, 4L);
        assertThat(v.deltasAfter(3)).extracting(SeatsDelta::seq).containsExactly(4L);
        assertThat(v.deltasAfter(4)).isEmpty();
        assertThat(v.deltasAfter(5)).as("a future id").isNull();
        v.apply(event(5, Cause.RELEASE, hold("h2", "bob", HoldStatus.RELEASED, "A-2"), SeatStatus.AVAILABLE, "A-2"));
        assertThat(v.deltasAfter(1)).as("2 fell out of the buffer of 2").isNull();
        assertThat(v.deltasAfter(2)).extracting(SeatsDelta::seq).containsExactly(4L, 5L);
    }

    @Test
    void ignoresWhatItHasAndRefusesGaps() {
        ShowView v = ShowView.created(create(), 0, 10);
        assertThat(v.apply(create())).isNull();
        assertThatThrownBy(() -> v.apply(event(3, Cause.BLOCK, null, SeatStatus.BLOCKED, "A-3")))
                .isInstanceOf(SeqGap.class);
    }

    @Test
    void tracksActiveHoldsPerActorAndForgetsEndedOnes() {
        ShowView v = ShowView.created(create(), 0, 10);
        v.apply(event(2, Cause.HOLD, hold("h1", "alice", HoldStatus.ACTIVE, "A-1"), SeatStatus.HELD, "A-1"));
        ShowEvent replace = new ShowEvent("s", 3, T, Cause.HOLD, "c3", "alice",
                hold("h2", "alice", HoldStatus.ACTIVE, "A-1", "A-2"), null, "h1", null,
                List.of(new SeatChange("A-2", SeatStatus.HELD)), AV, null);
        ShowView.Change c = v.apply(replace);
        assertThat(c.holds()).extracting(Hold::holdId, Hold::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("h1", HoldStatus.RELEASED),
                        org.assertj.core.groups.Tuple.tuple("h2", HoldStatus.ACTIVE));
        assertThat(v.activeHoldsOf("alice")).extracting(Hold::holdId).containsExactly("h2");
        assertThat(v.activeHoldsOf("bob")).isEmpty();
        assertThat(v.forgetEndedHolds(T.plusSeconds(1))).containsExactly("h1");
        assertThat(v.hold("h1")).isNull();
        assertThat(v.hold("h2")).isNotNull();
    }

    @Test
    void aSnapshotViewSkipsCoveredEventsAndAWaiterCompletesAtItsSeq() {
        Views views = new Views(10);
        views.install(new ShowSnapshot("s", 4, T, T, "Show", T, Policy.DEFAULTS,
                List.of(new ShowSeat("A-1", "M", "A", 1, "S", SeatStatus.HELD)), AV,
                List.of(hold("h1", "alice", HoldStatus.ACTIVE, "A-1"))), 0);
        CompletableFuture<Void> at5 = views.awaitSeq("s", 5);
        assertThat(views.awaitSeq("s", 4)).isDone();
        views.apply(event(4, Cause.HOLD, null, SeatStatus.HELD, "A-1"), 0);
        assertThat(at5).isNotDone();
        views.apply(event(5, Cause.RELEASE, hold("h1", "alice", HoldStatus.RELEASED, "A-1"), SeatStatus.AVAILABLE,
                "A-1"), 0);
        assertThat(at5).isDone();
        assertThat(views.findHold("h1", "bob").hold().status()).isEqualTo(HoldStatus.RELEASED);
        assertThatThrownBy(() -> views.apply(new ShowEvent("t", 7, T, Cause.HOLD, "c", "a", null, null, null, null,
                List.of(), AV, null), 1)).as("unknown show, not its CREATE").isInstanceOf(SeqGap.class);
        views.dropPartition(0);
        assertThat(views.size()).isZero();
    }
}
