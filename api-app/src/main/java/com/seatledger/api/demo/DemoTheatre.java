package com.seatledger.api.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.seatledger.api.web.Requests;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.SeatAttributes;
import com.seatledger.topics.message.SeatDef;

/**
 * The demo show of the local stack: a 2,000-seat theatre in three sections and three price
 * categories, the shape a buyer recognises (premium front stalls, standard rear stalls and circle,
 * balcony at the back), with orphan-seat prevention on so best available shows what it does. The
 * circle's first two rows and 50 standing places are set aside for a fan-club presale; the last
 * stalls row has wheelchair spaces with companion seats at both ends; the balcony's last row has a
 * restricted view; every row's end seats are on the aisle.
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

    /** The presale channel: its id, as a buyer's token names it in its {@code channels} claim. */
    public static final String FAN_CLUB = "fanclub";

    public static List<SeatDef> seats() {
        List<SeatDef> seats = new ArrayList<>(2000);
        for (Section s : SECTIONS) {
            for (int r = 0; r < s.rows(); r++) {
                String row = String.valueOf((char) ('A' + r));
                String category = r < s.premiumRows() ? "PREMIUM" : s.rearCategory();
                for (int n = 1; n <= SEATS_PER_ROW; n++) {
                    seats.add(new SeatDef(s.code() + "-" + row + "-" + n, s.name(), row, n, category,
                            attributes(s, r, n)));
                }
            }
        }
        return seats;
    }

    private static List<String> attributes(Section s, int row, int n) {
        List<String> a = new ArrayList<>(2);
        boolean lastRow = row == s.rows() - 1;
        if (lastRow && s.code().equals("ST")) {
            // at each end of the last stalls row two wheelchair spaces, each with its companion seat
            // beside it (1 W, 2 C, 3 W, 4 C; mirrored at the other end), so a space and its companion can
            // be held without stranding a single seat (the demo prevents orphan seats)
            int fromEnd = n <= 4 ? n : SEATS_PER_ROW + 1 - n;
            if (fromEnd <= 4) {
                a.add(fromEnd % 2 == 1 ? SeatAttributes.WHEELCHAIR : SeatAttributes.COMPANION);
            }
        }
        if (lastRow && s.code().equals("BA")) {
            a.add(SeatAttributes.RESTRICTED_VIEW);
        }
        if (n == 1 || n == SEATS_PER_ROW) {
            a.add(SeatAttributes.AISLE);
        }
        return a;
    }

    /** The fan club's presale allocation: the circle's rows A and B, and 50 standing places. */
    public static List<ChannelDef> channels() {
        List<String> seatIds = new ArrayList<>();
        for (String row : List.of("A", "B")) {
            for (int n = 1; n <= SEATS_PER_ROW; n++) {
                seatIds.add("CI-" + row + "-" + n);
            }
        }
        return List.of(new ChannelDef(FAN_CLUB, "Fan club presale", seatIds, List.of(new AreaQuantity("STANDING", 50))));
    }

    public static Requests.CreateShow show(String showId, Policy policy) {
        Instant startsAt = LocalDate.now(ZoneOffset.UTC).plusDays(30).atTime(19, 30).toInstant(ZoneOffset.UTC);
        return new Requests.CreateShow(showId, NAME, startsAt, seats(), AREAS, policy, channels());
    }

    /** Ten-minute holds, at most 8 seats per buyer, no stranded single seats. */
    public static Requests.CreateShow show() {
        return show(SHOW_ID, new Policy(600, 1800, 8, true));
    }

    private DemoTheatre() {
    }
}
