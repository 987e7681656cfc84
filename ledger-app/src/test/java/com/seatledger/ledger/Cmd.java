package com.seatledger.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.ArchiveShow;
import com.seatledger.topics.message.AssignChannel;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.BlockSeats;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SellSeats;
import com.seatledger.topics.message.UnblockSeats;

/** Builds commands for tests, each with a fresh commandId. */
public final class Cmd {

    public static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    public static final List<String> USER = List.of("user");
    public static final List<String> ADMIN = List.of("admin");
    public static final String BOX_OFFICE = "boxoffice";

    private final String prefix;
    private int next;

    public Cmd() {
        this("c-");
    }

    /** Commands whose ids start with {@code prefix}, apart from another builder's. */
    public Cmd(String prefix) {
        this.prefix = prefix;
    }

    public String id() {
        return prefix + (++next);
    }

    private static List<String> roles(String actor) {
        return actor.equals(BOX_OFFICE) ? ADMIN : USER;
    }

    /** Rows "A".."" of {@code perRow} seats numbered 1..perRow, ids like "A-3", one category. */
    public static List<SeatDef> rows(String category, String rowNames, int perRow) {
        List<SeatDef> seats = new ArrayList<>();
        for (char row : rowNames.toCharArray()) {
            for (int n = 1; n <= perRow; n++) {
                seats.add(new SeatDef(row + "-" + n, "MAIN", String.valueOf(row), n, category));
            }
        }
        return seats;
    }

    public CreateShow create(String show, Policy policy, List<SeatDef> seats) {
        return new CreateShow(id(), show, BOX_OFFICE, ADMIN, T0, "Show " + show, T0.plusSeconds(86_400), seats,
                policy);
    }

    public CreateShow createWithAreas(String show, Policy policy, List<SeatDef> seats, List<AreaDef> areas) {
        return new CreateShow(id(), show, BOX_OFFICE, ADMIN, T0, "Show " + show, T0.plusSeconds(86_400), seats,
                policy, areas);
    }

    /** "FLOOR:2" -> 2 places of area FLOOR. */
    public static List<AreaQuantity> places(String... areaAndQuantity) {
        List<AreaQuantity> out = new ArrayList<>();
        for (String a : areaAndQuantity) {
            String[] p = a.split(":");
            out.add(new AreaQuantity(p[0], Integer.parseInt(p[1])));
        }
        return out;
    }

    /** A hold of places, and of seats too when given. */
    public HoldSeats holdPlaces(String actor, String show, String holdId, List<AreaQuantity> places, String... seats) {
        return new HoldSeats(id(), show, actor, roles(actor), T0, holdId, seats.length == 0 ? null : List.of(seats),
                null, null, null, places);
    }

    public HoldSeats replacePlaces(String actor, String show, String holdId, String replaces, List<AreaQuantity> places) {
        return new HoldSeats(id(), show, actor, roles(actor), T0, holdId, null, null, null, replaces, places);
    }

    public SellSeats sellPlaces(String actor, String show, String orderId, List<AreaQuantity> places, String... seats) {
        return new SellSeats(id(), show, actor, roles(actor), T0, List.of(seats), orderId, places);
    }

    public BlockSeats blockPlaces(String actor, String show, List<AreaQuantity> places) {
        return new BlockSeats(id(), show, actor, roles(actor), T0, null, null, places);
    }

    public UnblockSeats unblockPlaces(String actor, String show, List<AreaQuantity> places) {
        return new UnblockSeats(id(), show, actor, roles(actor), T0, null, null, places);
    }

    public HoldSeats hold(String actor, String show, String holdId, String... seats) {
        return new HoldSeats(id(), show, actor, roles(actor), T0, holdId, List.of(seats), null, null, null);
    }

    public HoldSeats holdFor(String actor, String show, String holdId, int ttlSeconds, String... seats) {
        return new HoldSeats(id(), show, actor, roles(actor), T0, holdId, List.of(seats), null, ttlSeconds, null);
    }

    public HoldSeats replace(String actor, String show, String holdId, String replaces, String... seats) {
        return new HoldSeats(id(), show, actor, roles(actor), T0, holdId, List.of(seats), null, null, replaces);
    }

    /** CREATE_SHOW with seat attributes, areas and channels. */
    public CreateShow createWithChannels(String show, Policy policy, List<SeatDef> seats, List<AreaDef> areas,
            List<ChannelDef> channels) {
        return new CreateShow(id(), show, BOX_OFFICE, ADMIN, T0, "Show " + show, T0.plusSeconds(86_400), seats,
                policy, areas, channels);
    }

    /** A hold of seats and places by an actor who may buy from {@code channels}. */
    public HoldSeats holdIn(List<String> channels, String actor, String show, String holdId, List<AreaQuantity> places,
            String... seats) {
        return new HoldSeats(id(), show, actor, roles(actor), T0, holdId, seats.length == 0 ? null : List.of(seats),
                null, null, null, places, channels);
    }

    /** Best available as {@code want} says, by an actor who may buy from {@code channels}. */
    public HoldSeats bestIn(List<String> channels, String actor, String show, String holdId, BestAvailable want) {
        return new HoldSeats(id(), show, actor, roles(actor), T0, holdId, null, want, null, null, null, channels);
    }

    public AssignChannel assign(String show, String channelId, String name, List<AreaQuantity> places,
            String... seats) {
        return new AssignChannel(id(), show, BOX_OFFICE, ADMIN, T0, channelId, name, List.of(seats), places);
    }

    public HoldSeats best(String actor, String show, String holdId, String category, int quantity, boolean adjacent) {
        return new HoldSeats(id(), show, actor, roles(actor), T0, holdId, null,
                new BestAvailable(category, quantity, adjacent), null, null);
    }

    public ExtendHold extend(String actor, String show, String holdId, Integer ttlSeconds) {
        return new ExtendHold(id(), show, actor, roles(actor), T0, holdId, ttlSeconds);
    }

    public ReleaseHold release(String actor, String show, String holdId) {
        return new ReleaseHold(id(), show, actor, roles(actor), T0, holdId);
    }

    public ConfirmHold confirm(String actor, String show, String holdId, String orderId) {
        return new ConfirmHold(id(), show, actor, roles(actor), T0, holdId, orderId);
    }

    public SellSeats sell(String actor, String show, String orderId, String... seats) {
        return new SellSeats(id(), show, actor, roles(actor), T0, List.of(seats), orderId);
    }

    public CancelOrder cancel(String actor, String show, String orderId) {
        return new CancelOrder(id(), show, actor, roles(actor), T0, orderId);
    }

    public BlockSeats block(String actor, String show, String... seats) {
        return new BlockSeats(id(), show, actor, roles(actor), T0, List.of(seats), "camera");
    }

    public UnblockSeats unblock(String actor, String show, String... seats) {
        return new UnblockSeats(id(), show, actor, roles(actor), T0, List.of(seats), null);
    }

    public ArchiveShow archive(String actor, String show) {
        return new ArchiveShow(id(), show, actor, roles(actor), T0, "the run is over");
    }
}
