package com.seatledger.topics.message;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Field checks that need no ledger state. The first problem found is returned as a message that
 * names the field, for an {@code INVALID_COMMAND} result or a 400 problem body.
 */
public final class CommandValidation {

    private static final String ID_RULE = Ids.RULE;

    public static Optional<String> problem(Command c) {
        String p = firstOf(
                id("commandId", c.commandId()),
                id("showId", c.showId()),
                c.actor() == null || c.actor().isBlank() ? "actor: required" : null,
                c.roles() != null && c.roles().stream().anyMatch(java.util.Objects::isNull) ? "roles: must not contain null" : null,
                specific(c));
        return Optional.ofNullable(p);
    }

    private static String specific(Command c) {
        return switch (c) {
            case CreateShow s -> createShow(s);
            case HoldSeats h -> hold(h);
            case ExtendHold e -> firstOf(id("holdId", e.holdId()), positive("ttlSeconds", e.ttlSeconds(), false));
            case ReleaseHold r -> id("holdId", r.holdId());
            case ConfirmHold k -> firstOf(id("holdId", k.holdId()), id("orderId", k.orderId()));
            case SellSeats s -> firstOf(seatIds(s.seatIds()), id("orderId", s.orderId()));
            case CancelOrder o -> id("orderId", o.orderId());
            case BlockSeats b -> seatIds(b.seatIds());
            case UnblockSeats u -> seatIds(u.seatIds());
            case ArchiveShow a -> null;
        };
    }

    private static String createShow(CreateShow s) {
        if (s.name() == null || s.name().isBlank()) {
            return "name: required";
        }
        if (s.seats() == null || s.seats().isEmpty()) {
            return "seats: at least one seat is required";
        }
        Set<String> ids = new HashSet<>();
        Set<String> places = new HashSet<>();
        for (int i = 0; i < s.seats().size(); i++) {
            SeatDef seat = s.seats().get(i);
            String at = "seats[" + i + "]";
            if (seat == null) {
                return at + ": must not be null";
            }
            String p = firstOf(
                    id(at + ".seatId", seat.seatId()),
                    text(at + ".section", seat.section()),
                    text(at + ".row", seat.row()),
                    seat.number() == null ? at + ".number: required" : null,
                    text(at + ".category", seat.category()));
            if (p != null) {
                return p;
            }
            if (!ids.add(seat.seatId())) {
                return at + ".seatId: duplicate seat " + seat.seatId();
            }
            if (!places.add(seat.section() + '\u0000' + seat.row() + '\u0000' + seat.number())) {
                return at + ".number: another seat already has section, row and number " + seat.number();
            }
        }
        Policy policy = s.policy();
        if (policy == null) {
            return null;
        }
        Policy r = policy.resolved();
        return firstOf(
                positive("policy.holdTtlSeconds", policy.holdTtlSeconds(), false),
                positive("policy.maxHoldSeconds", policy.maxHoldSeconds(), false),
                positive("policy.maxSeatsPerHolder", policy.maxSeatsPerHolder(), false),
                r.holdTtlSeconds() > r.maxHoldSeconds()
                        ? "policy.holdTtlSeconds: must not exceed maxHoldSeconds (" + r.maxHoldSeconds() + ")"
                        : null);
    }

    private static String hold(HoldSeats h) {
        String p = firstOf(
                id("holdId", h.holdId()),
                positive("ttlSeconds", h.ttlSeconds(), false),
                h.replacesHoldId() != null ? id("replacesHoldId", h.replacesHoldId()) : null,
                java.util.Objects.equals(h.holdId(), h.replacesHoldId()) ? "replacesHoldId: must differ from holdId" : null);
        if (p != null) {
            return p;
        }
        if ((h.seatIds() == null) == (h.bestAvailable() == null)) {
            return "seatIds: give either seatIds or bestAvailable";
        }
        if (h.seatIds() != null) {
            return seatIds(h.seatIds());
        }
        BestAvailable b = h.bestAvailable();
        return firstOf(text("bestAvailable.category", b.category()),
                positive("bestAvailable.quantity", b.quantity(), true));
    }

    private static String seatIds(List<String> seatIds) {
        if (seatIds == null || seatIds.isEmpty()) {
            return "seatIds: at least one seat is required";
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < seatIds.size(); i++) {
            String p = id("seatIds[" + i + "]", seatIds.get(i));
            if (p != null) {
                return p;
            }
            if (!seen.add(seatIds.get(i))) {
                return "seatIds[" + i + "]: duplicate seat " + seatIds.get(i);
            }
        }
        return null;
    }

    private static String id(String field, String value) {
        if (value == null) {
            return field + ": required";
        }
        return Ids.valid(value) ? null : field + ": " + ID_RULE;
    }

    private static String text(String field, String value) {
        return value == null || value.isBlank() ? field + ": required" : null;
    }

    private static String positive(String field, Integer value, boolean required) {
        if (value == null) {
            return required ? field + ": required" : null;
        }
        return value >= 1 ? null : field + ": must be at least 1";
    }

    private static String firstOf(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private CommandValidation() {
    }
}
