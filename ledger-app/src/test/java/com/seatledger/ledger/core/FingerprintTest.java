package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    /** The idempotency index is rebuilt from stored bytes at a restart and looked up by decoded ids. */
    @Test
    void anIdHashedWhereItLiesEqualsTheHashOfTheDecodedIds() {
        String[][] ids = { { "s1", "c-7f3a" }, { "tour.2027:night-1", "alice:Idem_Key.42" }, { "x", "" } };
        for (String[] pair : ids) {
            Bin.In in = new Bin.In(new Bin.Out(64).s(pair[0]).s(pair[1]).toBytes());
            long show = in.skipString();
            long id = in.skipString();
            assertThat(in.more()).isFalse();
            assertThat(Fingerprint.ofId(in.array(), show, id)).as(pair[0] + "/" + pair[1])
                    .isEqualTo(Fingerprint.ofId(pair[0], pair[1]));
        }
    }

    @Test
    void aNonAsciiIdIsLeftToTheCallerToDecode() {
        Bin.In in = new Bin.In(new Bin.Out(64).s("s1").s("café").toBytes());
        assertThat(Fingerprint.ofId(in.array(), in.skipString(), in.skipString())).isEqualTo(Fingerprint.NOT_ASCII);
    }
}
