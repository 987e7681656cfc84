package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PackedTest {

    @Test
    void aPackedValueUnpacksToItsBytes() {
        Bin.Out out = new Bin.Out(64);
        for (int i = 0; i < 200; i++) {
            out.s("show-1").s("command-" + i).t(java.time.Instant.ofEpochMilli(1_780_000_000_000L + i));
        }
        byte[] raw = out.toBytes();
        byte[] packed = Packed.pack(raw);
        assertThat(Packed.isPacked(packed)).isTrue();
        assertThat(packed.length).isLessThan(raw.length / 3);
        assertThat(Packed.unpack(packed)).isEqualTo(raw);
    }

    @Test
    void aValueWrittenUnpackedReadsAsItIs() {
        byte[] raw = new Bin.Out(16).s("show-1").s("c-1").toBytes();
        assertThat(Packed.isPacked(raw)).isFalse();
        assertThat(Packed.unpack(raw)).isSameAs(raw);
    }

    @Test
    void bytesThatDoNotShrinkStayAsTheyAre() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 5;
        assertThat(Packed.pack(noise)).isSameAs(noise);
    }

    @Test
    void aTruncatedPackedValueIsAnErrorNotWrongBytes() {
        byte[] raw = new byte[2000];
        Arrays.fill(raw, (byte) 3);
        byte[] packed = Packed.pack(raw);
        assertThatThrownBy(() -> Packed.unpack(Arrays.copyOf(packed, packed.length - 4)))
                .isInstanceOf(IllegalStateException.class);
    }
}
