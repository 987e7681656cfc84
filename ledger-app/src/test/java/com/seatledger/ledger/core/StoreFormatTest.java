package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.message.ResultCode;

class StoreFormatTest {

    @Test
    void aDeflatedValueReadsBackAsItsBody() {
        Bin.Out out = new Bin.Out(64);
        for (int i = 0; i < 200; i++) {
            out.s("show-1").s("command-" + i).t(Instant.ofEpochMilli(1_780_000_000_000L + i));
        }
        byte[] body = out.toBytes();
        byte[] stored = StoreFormat.deflated(out);
        assertThat(stored[0]).as("the format version comes first: the oldest that holds the body")
                .isEqualTo((byte) StoreFormat.OLDEST);
        assertThat(StoreFormat.isDeflated(stored)).isTrue();
        assertThat(stored.length).isLessThan(body.length / 3);
        assertThat(StoreFormat.body("k", stored)).isEqualTo(body);
    }

    @Test
    void aPlainValueReadsBackAsItsBody() {
        Bin.Out out = new Bin.Out(16).s("show-1").s("c-1");
        byte[] stored = StoreFormat.plain(out.needs(2));
        assertThat(stored[0]).as("a body that needs format 2 is marked so").isEqualTo((byte) 2);
        assertThat(StoreFormat.isDeflated(stored)).isFalse();
        assertThat(StoreFormat.body("k", stored)).isEqualTo(out.toBytes());
    }

    @Test
    void bytesThatDoNotShrinkAreStoredPlain() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        byte[] stored = StoreFormat.deflated(noise, 1);
        assertThat(StoreFormat.isDeflated(stored)).isFalse();
        assertThat(StoreFormat.body("k", stored)).isEqualTo(noise);
    }

    @Test
    void aTruncatedDeflatedValueIsAnErrorNotWrongBytes() {
        byte[] body = new byte[2000];
        Arrays.fill(body, (byte) 3);
        byte[] stored = StoreFormat.deflated(body, 1);
        assertThatThrownBy(() -> StoreFormat.body("k", Arrays.copyOf(stored, stored.length - 4)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueOfAnotherFormatIsRefusedByName() {
        byte[] stored = StoreFormat.plain(new Bin.Out(8).s("x"));
        stored[0] = (byte) (StoreFormat.VERSION + 1);
        assertThatThrownBy(() -> StoreFormat.body("sk|s1|0000", stored)).isInstanceOf(UnknownStoreFormat.class)
                .hasMessageContaining("sk|s1|0000").hasMessageContaining("format version 3")
                .hasMessageContaining("reads formats 1 to 2 only");
        assertThatThrownBy(() -> StoreFormat.body("k", new byte[0])).isInstanceOf(UnknownStoreFormat.class);
    }

    @Test
    void anUnknownEnumCodeIsRefusedNotMisread() {
        assertThat(StoreCodes.RESULT_CODE.of(StoreCodes.RESULT_CODE.code(ResultCode.AREA_FULL)))
                .isEqualTo(ResultCode.AREA_FULL);
        assertThatThrownBy(() -> StoreCodes.RESULT_CODE.of(200)).isInstanceOf(UnknownStoreFormat.class)
                .hasMessageContaining("ResultCode code 200");
    }
}
