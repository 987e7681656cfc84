package com.seatledger.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StaticMembershipTest {

    @Test
    void derivedIdSurvivesARestartAndDiffersPerStateDirectory() {
        String first = StaticMembership.derived("host-1", Path.of("/var/lib/seat-ledger/a"));
        assertThat(StaticMembership.derived("host-1", Path.of("/var/lib/seat-ledger/./a"))).isEqualTo(first);
        assertThat(StaticMembership.derived("host-1", Path.of("/var/lib/seat-ledger/b"))).isNotEqualTo(first);
        assertThat(StaticMembership.derived("host-2", Path.of("/var/lib/seat-ledger/a"))).isNotEqualTo(first);
        assertThat(StaticMembership.derived("we!rd host", Path.of("/s"))).matches("ledger-we-rd-host-[0-9a-f]{8}");
    }

    @Test
    void configuredIdWinsAndNoneTurnsStaticMembershipOff() {
        assertThat(StaticMembership.instanceId(" ledger-0 ", Path.of("/s"))).contains("ledger-0");
        assertThat(StaticMembership.instanceId("none", Path.of("/s"))).isEmpty();
        assertThat(StaticMembership.instanceId("", Path.of("/s"))).get().asString().startsWith("ledger-");
    }
}
