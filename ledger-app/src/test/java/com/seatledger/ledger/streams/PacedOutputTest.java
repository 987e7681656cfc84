package com.seatledger.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowSeat;
import com.seatledger.topics.message.ShowSnapshot;

class PacedOutputTest {

    @Test
    void aPacedSnapshotIsTheSameJsonAsOneWrittenAtOnce() {
        List<ShowSeat> seats = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            seats.add(new ShowSeat((i / 50) + "-" + (i % 50 + 1), "STALLS", "R" + i / 50, i % 50 + 1, "STALLS",
                    i % 3 == 0 ? SeatStatus.HELD : SeatStatus.AVAILABLE));
        }
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        ShowSnapshot s = new ShowSnapshot("s1", 42, at, at, "Big", null, null, seats,
                Map.of("STALLS", new Availability(6_666, 3_334, 0, 0)), List.of(), List.of(), List.of());
        byte[] once = Json.MAPPER.writeValueAsBytes(s);
        assertThat(once.length).as("long enough to be paced").isGreaterThan(2 * PacedOutput.SLICE);

        int[] pauses = new int[1];
        PacedOutput out = new PacedOutput(0, () -> pauses[0]++);
        Json.MAPPER.writeValue(out, s);
        assertThat(out.toByteArray()).isEqualTo(once);
        // the generator hands over its buffer in chunks of a few KB: about one pause per slice, never none
        assertThat(pauses[0]).as("pauses for %d bytes", once.length)
                .isBetween(once.length / PacedOutput.SLICE - 1, once.length / PacedOutput.SLICE + 1);
    }
}
