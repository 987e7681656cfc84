package com.seatledger.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.json.Json;
import com.seatledger.topics.json.OutputWriters;
import com.seatledger.topics.message.*;

/** The hand-written writers produce exactly the mapper's JSON, byte for byte. */
class OutputWritersTest {

    @Test
    void resultsAreWrittenExactlyAsTheMapperWritesThem() {
        List<CommandResult> all = new ArrayList<>(Samples.results());
        all.add(new CommandResult("c-1", "s1", CommandType.HOLD, Outcome.REJECTED, ResultCode.SEAT_UNAVAILABLE,
                "seat \"A-1\" is taken", null, true, null, null,
                List.of(new SeatError("A-1", ResultCode.SEAT_UNAVAILABLE))));
        all.add(CommandResult.rejected("c-2", "s1", null, ResultCode.INVALID_COMMAND, "bad", null));
        for (CommandResult r : all) {
            assertThat(new String(OutputWriters.write(r))).isEqualTo(Json.MAPPER.writeValueAsString(r));
        }
    }

    @Test
    void eventsAreWrittenExactlyAsTheMapperWritesThem() {
        List<ShowEvent> all = new ArrayList<>(Samples.events());
        Instant at = Instant.parse("2026-11-21T10:00:00.123456789Z");
        all.add(new ShowEvent("s1", 7, at, Cause.EXPIRE, null, null,
                new Hold("h1", "alice", List.of("A-1", "A-2"), at, at.plusSeconds(5), HoldStatus.EXPIRED), null, null,
                "a \"reason\" \u00e9", List.of(new SeatChange("A-1", SeatStatus.AVAILABLE)),
                Map.of("X", new Availability(1, 2, 3, 4)), null));
        for (ShowEvent e : all) {
            assertThat(new String(OutputWriters.write(e))).isEqualTo(Json.MAPPER.writeValueAsString(e));
        }
    }
}
