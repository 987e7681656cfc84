package com.seatledger.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.seatledger.topics.json.Json;
import com.seatledger.topics.json.OutputWriters;
import com.seatledger.topics.message.*;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written writers against the mapper on random results and events of the shapes the ledger
 * makes (list elements with their ids and codes), with texts that need escaping (quotes, backslashes,
 * slashes, control characters, beyond ASCII, surrogate pairs and lone surrogates) in every text member.
 */
class OutputWritersProperties {

    @Property(tries = 3_000)
    void resultsAsTheMapperWritesThem(@ForAll("results") CommandResult r) {
        same(() -> OutputWriters.write(r), () -> Json.MAPPER.writeValueAsBytes(r));
    }

    @Property(tries = 3_000)
    void eventsAsTheMapperWritesThem(@ForAll("events") ShowEvent e) {
        same(() -> OutputWriters.write(e), () -> Json.MAPPER.writeValueAsBytes(e));
    }

    /** The same bytes, or both refuse (the mapper writes even a lone surrogate, as a \\u escape). */
    private static void same(java.util.function.Supplier<byte[]> ours, java.util.function.Supplier<byte[]> mapper) {
        byte[] expected;
        try {
            expected = mapper.get();
        } catch (RuntimeException refused) {
            assertThatThrownBy(ours::get).isInstanceOf(RuntimeException.class);
            return;
        }
        assertThat(new String(ours.get(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Free text, or null. */
    static Arbitrary<String> texts() {
        return someText().injectNull(0.15);
    }

    /** Members the ledger always sets (ids of list elements, map keys), any text. */
    static Arbitrary<String> someText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('0', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(10),
                Arbitraries.of("a/b", "\"quoted\"", "back\\slash", "tab\there", "new\nline", "\u0000\u001f\u007f",
                        "café", "☀ on sale", "\uD83C\uDFAB ticket", "\u2028\u2029", "</script>"));
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-62_000_000_000_000L, 253_000_000_000_000L)
                .map(ms -> Instant.ofEpochMilli(ms / 1000).plusNanos(Math.floorMod(ms, 1000) * 1_000_000L))
                .injectNull(0.1);
    }

    static Arbitrary<Hold> holds() {
        return Combinators.combine(texts(), texts(), someText().list().ofMaxSize(4).injectNull(0.1), instants(),
                instants(), Arbitraries.of(HoldStatus.class).injectNull(0.1),
                Combinators.combine(someText(), Arbitraries.integers().between(-5, 100_000).injectNull(0.2), texts())
                        .as(AreaQuantity::new).list().ofMaxSize(2))
                .as(Hold::new).injectNull(0.3);
    }

    @Provide
    Arbitrary<CommandResult> results() {
        Arbitrary<List<SeatError>> seatErrors = Combinators.combine(someText(),
                Arbitraries.of(ResultCode.class)).as(SeatError::new).list().ofMaxSize(3);
        Arbitrary<List<AreaError>> areaErrors = Combinators.combine(someText(), Arbitraries.of(ResultCode.class),
                Arbitraries.integers(), Arbitraries.integers()).as(AreaError::new).list().ofMaxSize(2);
        return Combinators.combine(texts(), texts(), Arbitraries.of(CommandType.class).injectNull(0.1),
                Arbitraries.of(Outcome.class).injectNull(0.1), Arbitraries.of(ResultCode.class).injectNull(0.1), texts(),
                Arbitraries.longs().injectNull(0.3), Arbitraries.of(true, false))
                .flatAs((id, show, type, outcome, code, message, seq, duplicate) -> Combinators
                        .combine(holds(), texts(), seatErrors, areaErrors)
                        .as((hold, order, se, ae) -> new CommandResult(id, show, type, outcome, code, message, seq,
                                duplicate, hold, order, se, ae)));
    }

    @Provide
    Arbitrary<ShowEvent> events() {
        Arbitrary<List<SeatChange>> seats = Combinators.combine(someText(), Arbitraries.of(SeatStatus.class),
                texts()).as(SeatChange::new).list().ofMaxSize(4);
        // keys are the show's categories: any text a layout gave (quotes, accents, emoji)
        Arbitrary<Map<String, Availability>> availability = Combinators.combine(someText(), Arbitraries.integers(),
                Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers())
                .as((k, a, h, s, b) -> Map.entry(k, new Availability(a, h, s, b))).list().ofMaxSize(3)
                .map(es -> {
                    Map<String, Availability> m = new LinkedHashMap<>();
                    es.forEach(x -> m.put(x.getKey(), x.getValue()));
                    return m;
                }).injectNull(0.1);
        Arbitrary<List<AreaCounts>> areas = Combinators.combine(someText(), Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.integers(), Arbitraries.integers()).as(AreaCounts::new).list().ofMaxSize(2);
        return Combinators.combine(texts(), Arbitraries.longs(), instants(), Arbitraries.of(Cause.class).injectNull(0.1),
                texts(), texts(), holds(), texts())
                .flatAs((show, seq, at, cause, commandId, actor, hold, order) -> Combinators
                        .combine(texts(), texts(), seats, availability, areas)
                        .as((replaced, reason, s, av, ar) -> new ShowEvent(show, seq, at, cause, commandId, actor, hold,
                                order, replaced, reason, s, av, null, ar)));
    }
}
