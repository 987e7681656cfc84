package com.seatledger.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LoadPathWarmUpTest {

    @ParameterizedTest
    @MethodSource("sizes")
    void everyRoundLoadsItsShowFromACheckpointAndTheJournalAfterIt(LoadPathWarmUp.Size size) {
        LoadPathWarmUp.Rounds done = LoadPathWarmUp.run(size);

        assertThat(done.loaded()).as("one show loaded by each round's second ledger").isEqualTo(size.rounds());
        assertThat(done.checkpoints()).as("the path a big show's load takes: a checkpoint, then journal pages")
                .isGreaterThanOrEqualTo(size.rounds());
    }

    static List<LoadPathWarmUp.Size> sizes() {
        return List.of(LoadPathWarmUp.TRAINING, LoadPathWarmUp.CLASSES);
    }

    @Test
    void onlyAJvmThatWritesAnAotCacheIsATrainingRun() {
        assertThat(LoadPathWarmUp.training()).as("the test JVM writes no cache").isFalse();
    }
}
