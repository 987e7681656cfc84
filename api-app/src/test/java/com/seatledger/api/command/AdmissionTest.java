package com.seatledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AdmissionTest {

    private static final Admission.Settings SETTINGS = new Admission.Settings(true, 10, 2, 50,
            Duration.ofMillis(200), Duration.ofMillis(500));

    /** a window needs ten decisions, so the bound under test stays well above that */
    private static final Admission.Settings ADAPTING = new Admission.Settings(true, 40, 12, 100,
            Duration.ofMillis(200), Duration.ofMillis(500));

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private Admission admission = new Admission(SETTINGS, now::get);

    @Test
    void refusesOnceTheCommandsInFlightReachTheBound() {
        List<Admission.Ticket> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Admission.Admitted a = admission.admit(now.get());
            assertThat(a.ticket()).as("command %d", i).isNotNull();
            open.add(a.ticket());
        }
        Admission.Admitted refused = admission.admit(now.get());
        assertThat(refused.ticket()).isNull();
        assertThat(refused.refusal()).isEqualTo(Admission.Refusal.LIMIT);

        open.removeFirst().close();
        assertThat(admission.admit(now.get()).ticket()).as("a slot came free").isNotNull();
    }

    @Test
    void refusesACommandThatWaitedTooLongForAThread() {
        long arrived = now.get();
        now.addAndGet(Duration.ofMillis(501).toNanos());
        Admission.Admitted a = admission.admit(arrived);
        assertThat(a.ticket()).isNull();
        assertThat(a.refusal()).isEqualTo(Admission.Refusal.QUEUED);
        assertThat(admission.inFlight()).isZero();
        assertThat(admission.admit(now.get() - Duration.ofMillis(499).toNanos()).ticket()).isNotNull();
    }

    @Test
    void slowDecisionsShrinkTheBoundAndFastOnesGrowItBack() {
        admission = new Admission(ADAPTING, now::get);
        int start = admission.limit();
        for (int w = 0; w < 10; w++) {
            window(Duration.ofMillis(400), false);
        }
        int shrunk = admission.limit();
        assertThat(shrunk).isLessThan(start).isGreaterThanOrEqualTo(ADAPTING.minLimit());
        for (int w = 0; w < 20; w++) {
            window(Duration.ofMillis(20), false);
        }
        assertThat(admission.limit()).isGreaterThan(shrunk);
    }

    @Test
    void aLedgerThatDoesNotAnswerShrinksTheBoundWhateverTheLatency() {
        admission = new Admission(ADAPTING, now::get);
        int start = admission.limit();
        for (int w = 0; w < 5; w++) {
            window(Duration.ofMillis(10), true);
        }
        assertThat(admission.limit()).isLessThan(start);
    }

    @Test
    void commandsThatNeverReachedTheLedgerOrCreateShowsSayNothing() {
        admission = new Admission(ADAPTING, now::get);
        int start = admission.limit();
        for (int w = 0; w < 10; w++) {
            List<Admission.Ticket> batch = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Admission.Ticket t = admission.admit(now.get()).ticket();
                if (i % 2 == 0) {
                    t.decided();
                    t.unusual(); // a CREATE_SHOW taking 10 s
                }
                batch.add(t);
            }
            now.addAndGet(Duration.ofSeconds(10).toNanos());
            batch.forEach(Admission.Ticket::close);
        }
        assertThat(admission.limit()).isEqualTo(start);
        assertThat(admission.inFlight()).isZero();
    }

    @Test
    void offAdmitsEverything() {
        Admission off = new Admission(new Admission.Settings(false, 1, 1, 1, Duration.ofMillis(1), Duration.ofMillis(1)),
                now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(off.admit(0).ticket()).isNotNull();
        }
    }

    /** One window of decisions, each taking {@code latency}, as many at once as the bound allows. */
    private void window(Duration latency, boolean unanswered) {
        List<Admission.Ticket> batch = new ArrayList<>();
        for (int i = 0; i < admission.limit(); i++) {
            Admission.Ticket t = admission.admit(now.get()).ticket();
            if (unanswered) {
                t.unanswered();
            } else {
                t.decided();
            }
            batch.add(t);
        }
        now.addAndGet(latency.toNanos());
        batch.forEach(Admission.Ticket::close);
        now.addAndGet(Duration.ofMillis(110).toNanos());
    }
}
