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
        PacedOutput out = new PacedOutput(() -> pauses[0]++);
        Json.MAPPER.writeValue(out, s);
        assertThat(out.toByteArray()).isEqualTo(once);
        // one pause per full slice, whatever sizes the generator hands its bytes over in
        assertThat(pauses[0]).as("pauses for %d bytes", once.length).isEqualTo(once.length / PacedOutput.SLICE);
        assertThat(out.size()).isEqualTo(once.length);
    }

    @Test
    void bytesWrittenOneByOneAndAcrossSlicesComeOutInOrder() {
        byte[] data = new byte[3 * PacedOutput.SLICE + 17];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        int[] pauses = new int[1];
        PacedOutput out = new PacedOutput(() -> pauses[0]++);
        out.write(data[0]);
        out.write(data, 1, PacedOutput.SLICE); // ends one byte into the second slice
        out.write(data, PacedOutput.SLICE + 1, data.length - PacedOutput.SLICE - 2);
        out.write(data[data.length - 1]);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThat(pauses[0]).isEqualTo(3);
        assertThat(new PacedOutput(() -> pauses[0]++).toByteArray()).isEmpty();
    }
}
