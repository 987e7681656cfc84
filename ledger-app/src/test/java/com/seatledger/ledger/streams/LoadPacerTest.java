package com.seatledger.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadPacerTest {

    @Test
    void aThreadLoadsUpToItsBudgetPerWindowAndAgainInTheNextWindow() {
        LoadPacer pacer = new LoadPacer(200, 50_000_000);
        long now = 1_796_000_000_000L;
        assertThat(pacer.mayLoad(now)).isTrue();
        pacer.spent(30_000_000);
        assertThat(pacer.mayLoad(now + 10)).isTrue();
        pacer.spent(30_000_000);
        assertThat(pacer.mayLoad(now + 100)).as("budget spent in this window").isFalse();
        assertThat(pacer.mayLoad(now + 200)).as("a new window, a new budget").isTrue();
        pacer.spent(300_000_000);
        assertThat(pacer.mayLoad(now + 300)).isFalse();
        assertThat(pacer.mayLoad(now + 450)).as("every later window too").isTrue();
    }
}
