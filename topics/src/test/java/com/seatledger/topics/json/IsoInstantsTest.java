package com.seatledger.topics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The contract's timestamps read and written exactly as {@link Instant#parse} and {@link Instant#toString} do. */
class IsoInstantsTest {

    @Property(tries = 5_000)
    void formatsAsInstantDoes(@ForAll("instants") Instant t) {
        assertThat(IsoInstants.format(t)).isEqualTo(t.toString());
        assertThat(IsoInstants.parse(t.toString())).isEqualTo(t);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // years 0000-9999 and beyond both ends; whole seconds, millis, micros and nanos
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L),
                Arbitraries.longs().between(-100_000_000_000L, 400_000_000_000L),
                Arbitraries.of(-62_167_219_200L, -62_167_219_201L, 253_402_300_799L, 253_402_300_800L, 0L, -1L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(m -> m * 1_000_000), Arbitraries.integers().between(0, 999_999).map(u -> u * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }

    /** Any text close to a timestamp: parsed to the same instant, or refused as Instant.parse refuses it. */
    @Property(tries = 20_000)
    void parsesAsInstantDoes(@ForAll("nearTimestamps") String s) {
        Instant expected;
        try {
            expected = Instant.parse(s);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> IsoInstants.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoInstants.parse(s)).as(s).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> nearTimestamps() {
        Arbitrary<String> valid = instants().map(Instant::toString);
        // one character replaced, dropped or added, or a field pushed to its edge
        Arbitrary<String> mutated = valid.flatMap(v -> Arbitraries.integers().between(0, v.length() - 1)
                .flatMap(i -> Arbitraries.of("0", "1", "2", "3", "9", "-", ":", ".", "T", "Z", "z", "", "+01:00", "00", "x")
                        .flatMap(c -> Arbitraries.of(0, 1).map(keep -> v.substring(0, i) + c + v.substring(i + keep)))));
        Arbitrary<String> edges = Arbitraries.of("2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-04-31T00:00:00Z",
                "2026-12-31T24:00:00Z", "2026-12-31T24:00:01Z", "2026-12-31T24:01:00Z", "2026-12-31T25:00:00Z",
                "2026-12-31T23:59:60Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
                "2026-01-00T00:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z",
                "2026-01-01T00:00:00.000000001Z", "2026-01-01T00:00:00+01:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "2026-1-01T00:00:00Z", "2026-01-01t00:00:00Z", "", "Z");
        return Arbitraries.oneOf(valid, mutated, edges);
    }

    @Test
    void theContractsOwnExamples() {
        assertThat(IsoInstants.parse("2026-11-21T10:00:00Z")).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(IsoInstants.format(Instant.parse("2026-11-21T10:00:00.120Z"))).isEqualTo("2026-11-21T10:00:00.120Z");
    }
}
