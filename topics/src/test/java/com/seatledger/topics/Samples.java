package com.seatledger.topics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.seatledger.topics.message.*;

/** One realistic message of every type of the contract. */
public final class Samples {

    static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    static final List<String> USER = List.of("user");
    static final List<String> ADMIN = List.of("admin");

    public static List<Command> commands() {
        return List.of(
                new CreateShow("c-1", "s1", "boxoffice", ADMIN, T, "Tour", T.plusSeconds(86400),
                        List.of(new SeatDef("A-1", "STALLS", "A", 1, "STALLS"),
                                new SeatDef("A-2", "STALLS", "A", 2, "STALLS")),
                        new Policy(300, 1800, 6, true)),
                new HoldSeats("c-2", "s1", "alice", USER, T, "h-1", List.of("A-1", "A-2"), null, 120, null),
                new HoldSeats("c-3", "s1", "alice", USER, T, "h-2", null, new BestAvailable("STALLS", 2, true),
                        null, "h-1"),
                new ExtendHold("c-4", "s1", "alice", USER, T, "h-2", 300),
                new ReleaseHold("c-5", "s1", "alice", USER, T, "h-2"),
                new ConfirmHold("c-6", "s1", "alice", USER, T, "h-2", "o-1"),
                new SellSeats("c-7", "s1", "boxoffice", ADMIN, T, List.of("A-1"), "o-2"),
                new CancelOrder("c-8", "s1", "boxoffice", ADMIN, T, "o-2"),
                new BlockSeats("c-9", "s1", "boxoffice", ADMIN, T, List.of("A-1"), "camera position"),
                new UnblockSeats("c-10", "s1", "boxoffice", ADMIN, T, List.of("A-1"), null),
                new ArchiveShow("c-11", "s1", "boxoffice", ADMIN, T, "the tour is over"),
                new CreateShow("c-12", "s2", "boxoffice", ADMIN, T, "Festival", null,
                        List.of(new SeatDef("A-1", "STAND", "A", 1, "SEATED")), null,
                        List.of(new AreaDef("FLOOR", "Standing floor", "GA", 5000))),
                new HoldSeats("c-13", "s2", "alice", USER, T, "h-3", List.of("A-1"), null, null, null,
                        List.of(new AreaQuantity("FLOOR", 2))),
                new HoldSeats("c-14", "s2", "bob", USER, T, "h-4", null, null, null, null,
                        List.of(new AreaQuantity("FLOOR", 4))),
                new SellSeats("c-15", "s2", "boxoffice", ADMIN, T, List.of(), "o-3", List.of(new AreaQuantity("FLOOR", 10))),
                new BlockSeats("c-16", "s2", "boxoffice", ADMIN, T, null, "crush barrier", List.of(new AreaQuantity("FLOOR", 50))),
                new UnblockSeats("c-17", "s2", "boxoffice", ADMIN, T, null, null, List.of(new AreaQuantity("FLOOR", 50))),
                new CreateShow("c-18", "s3", "boxoffice", ADMIN, T, "Arena", null,
                        List.of(new SeatDef("W-1", "FLOOR", "W", 1, "STALLS", List.of("WHEELCHAIR")),
                                new SeatDef("W-2", "FLOOR", "W", 2, "STALLS", List.of("COMPANION", "AISLE")),
                                new SeatDef("P-1", "STAND", "P", 1, "STALLS", List.of("RESTRICTED_VIEW"))),
                        null, List.of(new AreaDef("PIT", "Pit", "GA", 500)),
                        List.of(new ChannelDef("fanclub", "Fan club presale", List.of("P-1"),
                                List.of(new AreaQuantity("PIT", 100))))),
                new HoldSeats("c-19", "s3", "carol", USER, T, "h-5", null,
                        new BestAvailable("STALLS", 1, true, null, List.of("WHEELCHAIR"), List.of(), 1),
                        null, null, List.of(new AreaQuantity("PIT", 2, "fanclub")), List.of("fanclub")),
                new HoldSeats("c-20", "s3", "dave", USER, T, "h-6", null,
                        new BestAvailable("STALLS", 2, false, "fanclub", List.of(), List.of("RESTRICTED_VIEW"), null),
                        null, null, null, List.of("fanclub")),
                new AssignChannel("c-21", "s3", "boxoffice", ADMIN, T, "partner", "Sponsor", List.of("W-1"),
                        List.of(new AreaQuantity("PIT", 20))),
                new AssignChannel("c-22", "s3", "boxoffice", ADMIN, T, null, null, List.of("P-1"), null),
                // every command but CREATE_SHOW carries the actor's channels (the token's claim)
                new ExtendHold("c-23", "s3", "carol", USER, T, "h-5", 300, List.of("fanclub")),
                new ConfirmHold("c-24", "s3", "carol", USER, T, "h-5", "o-4", List.of("fanclub")),
                new ReleaseHold("c-25", "s3", "dave", USER, T, "h-6", List.of("fanclub")),
                new SellSeats("c-26", "s3", "boxoffice", ADMIN, T, List.of("W-2"), "o-5", null, List.of("fanclub")));
    }

    static Hold hold(HoldStatus status) {
        return new Hold("h-1", "alice", List.of("A-1", "A-2"), T, T.plusSeconds(600), status);
    }

    public static List<CommandResult> results() {
        return List.of(
                new CommandResult("c-2", "s1", CommandType.HOLD, Outcome.ACCEPTED, ResultCode.OK, null, 2L, false,
                        hold(HoldStatus.ACTIVE), null, null),
                new CommandResult("c-6", "s1", CommandType.CONFIRM_HOLD, Outcome.ACCEPTED, ResultCode.OK, null, 3L,
                        true, hold(HoldStatus.CONFIRMED), "o-1", null),
                CommandResult.rejected("c-3", "s1", CommandType.HOLD, ResultCode.SEAT_UNAVAILABLE,
                        "seats are not available", List.of(new SeatError("A-1", ResultCode.SEAT_UNAVAILABLE))),
                CommandResult.rejected("x", null, null, ResultCode.INVALID_COMMAND, "unknown command type", null),
                new CommandResult("c-13", "s2", CommandType.HOLD, Outcome.ACCEPTED, ResultCode.OK, null, 2L, false,
                        new Hold("h-3", "alice", List.of("A-1"), T, T.plusSeconds(600), HoldStatus.ACTIVE,
                                List.of(new AreaQuantity("FLOOR", 2))), null, null),
                CommandResult.rejected("c-14", "s2", CommandType.HOLD, ResultCode.AREA_FULL, "not enough places",
                        List.of(), List.of(new AreaError("FLOOR", ResultCode.AREA_FULL, 4, 3))),
                CommandResult.rejected("c-19", "s3", CommandType.HOLD, ResultCode.CHANNEL_RESTRICTED,
                        "seats of a channel", List.of(new SeatError("P-1", ResultCode.CHANNEL_RESTRICTED)),
                        List.of(new AreaError("PIT", ResultCode.CHANNEL_RESTRICTED, 2, 0))));
    }

    public static List<ShowEvent> events() {
        Map<String, Availability> avail = Map.of("STALLS", new Availability(0, 2, 0, 0));
        List<SeatChange> held = List.of(new SeatChange("A-1", SeatStatus.HELD), new SeatChange("A-2", SeatStatus.HELD));
        Layout layout = new Layout("Tour", T, Policy.DEFAULTS,
                List.of(new SeatDef("A-1", "STALLS", "A", 1, "STALLS")));
        return List.of(
                new ShowEvent("s1", 1, T, Cause.CREATE, "c-1", "boxoffice", null, null, null, null, List.of(),
                        Map.of("STALLS", new Availability(2, 0, 0, 0)), layout),
                new ShowEvent("s1", 2, T, Cause.HOLD, "c-2", "alice", hold(HoldStatus.ACTIVE), null, "h-0", null,
                        held, avail, null),
                new ShowEvent("s1", 3, T, Cause.EXTEND, "c-4", "alice", hold(HoldStatus.ACTIVE), null, null, null,
                        List.of(), avail, null),
                new ShowEvent("s1", 4, T, Cause.EXPIRE, null, null, hold(HoldStatus.EXPIRED), null, null, null,
                        List.of(new SeatChange("A-1", SeatStatus.AVAILABLE)), avail, null),
                new ShowEvent("s1", 5, T, Cause.CONFIRM, "c-6", "alice", hold(HoldStatus.CONFIRMED), "o-1", null,
                        null, List.of(new SeatChange("A-1", SeatStatus.SOLD)), avail, null),
                new ShowEvent("s1", 6, T, Cause.BLOCK, "c-9", "boxoffice", null, null, null, "camera", 
                        List.of(new SeatChange("A-1", SeatStatus.BLOCKED)), avail, null),
                new ShowEvent("s1", 7, T, Cause.ARCHIVE, "c-11", "boxoffice", null, null, null, "the tour is over",
                        List.of(new SeatChange("A-2", SeatStatus.AVAILABLE)), avail, null),
                new ShowEvent("s2", 1, T, Cause.CREATE, "c-12", "boxoffice", null, null, null, null, List.of(),
                        Map.of("GA", new Availability(5000, 0, 0, 0)), new Layout("Festival", null, Policy.DEFAULTS,
                                List.of(), List.of(new AreaDef("FLOOR", "Standing floor", "GA", 5000)))),
                new ShowEvent("s2", 2, T, Cause.HOLD, "c-13", "alice", new Hold("h-3", "alice", List.of(), T,
                        T.plusSeconds(600), HoldStatus.ACTIVE, List.of(new AreaQuantity("FLOOR", 2))), null, null, null,
                        List.of(), Map.of("GA", new Availability(4998, 2, 0, 0)), null,
                        List.of(new AreaCounts("FLOOR", 4998, 2, 0, 0))),
                new ShowEvent("s3", 1, T, Cause.CREATE, "c-18", "boxoffice", null, null, null, null, List.of(),
                        Map.of("STALLS", new Availability(1, 0, 0, 0)), new Layout("Arena", null, Policy.DEFAULTS,
                                List.of(new SeatDef("W-1", "FLOOR", "W", 1, "STALLS", List.of("WHEELCHAIR"))),
                                List.of(), List.of(new ChannelDef("fanclub", "Fan club presale", List.of("W-1"),
                                        List.of())))),
                new ShowEvent("s3", 2, T, Cause.CHANNEL, "c-21", "boxoffice", null, null, null, null,
                        List.of(new SeatChange("W-1", SeatStatus.AVAILABLE, "partner")),
                        Map.of("STALLS", new Availability(1, 0, 0, 0)), null, List.of(),
                        new Channel("partner", "Sponsor"), List.of(new AreaQuota("PIT", "partner", 20, 0, 0, 0))),
                new ShowEvent("s3", 3, T, Cause.CHANNEL, "c-22", "boxoffice", null, null, null, null,
                        List.of(new SeatChange("P-1", SeatStatus.AVAILABLE)),
                        Map.of("STALLS", new Availability(1, 0, 0, 0)), null));
    }

    public static List<ShowSnapshot> snapshots() {
        return List.of(new ShowSnapshot("s1", 7, T, T, "Tour", T, Policy.DEFAULTS,
                List.of(new ShowSeat("A-1", "STALLS", "A", 1, "STALLS", SeatStatus.HELD),
                        new ShowSeat("A-2", "STALLS", "A", 2, "STALLS", SeatStatus.AVAILABLE)),
                Map.of("STALLS", new Availability(1, 1, 0, 0)), List.of(hold(HoldStatus.ACTIVE))),
                new ShowSnapshot("s2", 2, T, T, "Festival", null, Policy.DEFAULTS, List.of(),
                        Map.of("GA", new Availability(4998, 2, 0, 0)), List.of(),
                        List.of(new ShowArea("FLOOR", "Standing floor", "GA", 5000, 4998, 2, 0, 0)),
                        List.of(new Order("o-3", List.of("A-1"), List.of(new AreaQuantity("FLOOR", 10)), null,
                                "boxoffice", T), new Order("o-4", List.of(), List.of(), "h-9", "alice", T))),
                new ShowSnapshot("s3", 3, T, T, "Arena", null, Policy.DEFAULTS,
                        List.of(new ShowSeat("W-1", "FLOOR", "W", 1, "STALLS", SeatStatus.AVAILABLE, "partner",
                                List.of("WHEELCHAIR"))),
                        Map.of("STALLS", new Availability(1, 0, 0, 0)), List.of(), List.of(), List.of(),
                        List.of(new Channel("partner", "Sponsor")),
                        List.of(new AreaQuota("PIT", "partner", 20, 0, 0, 0))));
    }

    private Samples() {
    }
}
