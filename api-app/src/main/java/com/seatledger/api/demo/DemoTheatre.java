package com.seatledger.api.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.seatledger.api.web.Requests;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.SeatDef;

/**
 * The demo show of the local stack: a 2,000-seat theatre in three sections and three price
 * categories, the shape a buyer recognises (premium front stalls, standard rear stalls and circle,
 * balcony at the back), with orphan-seat prevention on so best available shows what it does.
 */
public final class DemoTheatre {

    public static final String SHOW_ID = "demo-theatre";
    public static final String NAME = "Hamlet - Demo Theatre";
    public static final int SEATS_PER_ROW = 40;

    /** Section, its row letters front to back, and how many of the front rows are premium. */
    private record Section(String name, String code, int rows, int premiumRows, String rearCategory) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("Stalls", "ST", 25, 8, "STANDARD"),
            new Section("Circle", "CI", 12, 0, "STANDARD"),
            new Section("Balcony", "BA", 13, 0, "BALCONY"));

    /** Standing room at the back of the stalls: places without seat numbers. */
    public static final List<AreaDef> AREAS = List.of(new AreaDef("STANDING", "Standing room", "STANDING", 200));

    public static List<SeatDef> seats() {
        List<SeatDef> seats = new ArrayList<>(2000);
        for (Section s : SECTIONS) {
            for (int r = 0; r < s.rows(); r++) {
                String row = String.valueOf((char) ('A' + r));
                String category = r < s.premiumRows() ? "PREMIUM" : s.rearCategory();
                for (int n = 1; n <= SEATS_PER_ROW; n++) {
                    seats.add(new SeatDef(s.code() + "-" + row + "-" + n, s.name(), row, n, category));
                }
            }
        }
        return seats;
    }

    public static Requests.CreateShow show(String showId, Policy policy) {
        Instant startsAt = LocalDate.now(ZoneOffset.UTC).plusDays(30).atTime(19, 30).toInstant(ZoneOffset.UTC);
        return new Requests.CreateShow(showId, NAME, startsAt, seats(), AREAS, policy);
    }

    /** Ten-minute holds, at most 8 seats per buyer, no stranded single seats. */
    public static Requests.CreateShow show() {
        return show(SHOW_ID, new Policy(600, 1800, 8, true));
    }

    private DemoTheatre() {
    }
}
