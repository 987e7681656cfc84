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
    /** The most places an area may have, and so the most one command may name. */
    public static final int MAX_CAPACITY = 100_000;
    /** What the REST API calls the public pool where a channel id goes; no channel may be named so. */
    public static final String PUBLIC_POOL = "public";

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
            case SellSeats s -> firstOf(seatsOrPlaces(s.seatIds(), s.areas()), id("orderId", s.orderId()));
            case CancelOrder o -> id("orderId", o.orderId());
            case BlockSeats b -> seatsOrPlaces(b.seatIds(), b.areas());
            case UnblockSeats u -> seatsOrPlaces(u.seatIds(), u.areas());
            case ArchiveShow a -> null;
            case AssignChannel a -> firstOf(
                    a.channelId() == null ? null : channelId("channelId", a.channelId()),
                    a.name() != null && a.name().isBlank() ? "name: must not be blank" : null,
                    seatsOrPlaces(a.seatIds(), a.areas()));
        };
    }

    private static String createShow(CreateShow s) {
        if (s.name() == null || s.name().isBlank()) {
            return "name: required";
        }
        if ((s.seats() == null || s.seats().isEmpty()) && s.areaDefs().isEmpty()) {
            return "seats: at least one seat or area is required";
        }
        Set<String> ids = new HashSet<>();
        Set<String> places = new HashSet<>();
        List<SeatDef> seats = s.seats() == null ? List.of() : s.seats();
        for (int i = 0; i < seats.size(); i++) {
            SeatDef seat = seats.get(i);
            String at = "seats[" + i + "]";
            if (seat == null) {
                return at + ": must not be null";
            }
            String p = firstOf(
                    id(at + ".seatId", seat.seatId()),
                    text(at + ".section", seat.section()),
                    text(at + ".row", seat.row()),
                    seat.number() == null ? at + ".number: required" : null,
                    text(at + ".category", seat.category()),
                    ids(at + ".attributes", seat.attributes()));
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
        for (int i = 0; i < s.areaDefs().size(); i++) {
            AreaDef area = s.areaDefs().get(i);
            String at = "areas[" + i + "]";
            if (area == null) {
                return at + ": must not be null";
            }
            String p = firstOf(
                    id(at + ".areaId", area.areaId()),
                    text(at + ".name", area.name()),
                    text(at + ".category", area.category()),
                    area.capacity() == null ? at + ".capacity: required"
                            : area.capacity() < 1 || area.capacity() > MAX_CAPACITY
                                    ? at + ".capacity: must be 1 to " + MAX_CAPACITY : null);
            if (p != null) {
                return p;
            }
            if (!ids.add(area.areaId())) {
                return at + ".areaId: " + area.areaId() + " is already a seat or area of the show";
            }
        }
        String channels = channels(s, ids);
        if (channels != null) {
            return channels;
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

    /** CREATE_SHOW's channels: ids unique, each seat in one channel at most, quotas within capacity. */
    private static String channels(CreateShow s, Set<String> seatAndAreaIds) {
        Set<String> channelIds = new HashSet<>();
        Set<String> owned = new HashSet<>();
        java.util.Map<String, Integer> capacity = new java.util.HashMap<>();
        s.areaDefs().forEach(a -> capacity.put(a.areaId(), a.capacity()));
        java.util.Map<String, Integer> quota = new java.util.HashMap<>();
        List<ChannelDef> defs = s.channelDefs();
        for (int i = 0; i < defs.size(); i++) {
            ChannelDef c = defs.get(i);
            String at = "channels[" + i + "]";
            if (c == null) {
                return at + ": must not be null";
            }
            String p = firstOf(channelId(at + ".channelId", c.channelId()), text(at + ".name", c.name()),
                    c.seatIds().isEmpty() ? null : seatIds(c.seatIds()) == null ? null
                            : at + "." + seatIds(c.seatIds()),
                    places(c.areas()) == null ? null : at + "." + places(c.areas()));
            if (p != null) {
                return p;
            }
            if (!channelIds.add(c.channelId())) {
                return at + ".channelId: duplicate channel " + c.channelId();
            }
            for (String seatId : c.seatIds()) {
                if (!seatAndAreaIds.contains(seatId) || capacity.containsKey(seatId)) {
                    return at + ".seatIds: the show has no seat " + seatId;
                }
                if (!owned.add(seatId)) {
                    return at + ".seatIds: seat " + seatId + " is in another channel already";
                }
            }
            for (AreaQuantity a : c.areas()) {
                if (!capacity.containsKey(a.areaId())) {
                    return at + ".areas: the show has no area " + a.areaId();
                }
                if (a.channel() != null) {
                    return at + ".areas: channel belongs to the channel, not to its area entries";
                }
                int sum = quota.merge(a.areaId(), a.quantity(), Integer::sum);
                if (sum > capacity.get(a.areaId())) {
                    return at + ".areas: the channels' quotas of area " + a.areaId() + " add up to " + sum
                            + ", more than its capacity " + capacity.get(a.areaId());
                }
            }
        }
        return null;
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
        if (h.seatIds() != null && h.bestAvailable() != null) {
            return "seatIds: give either seatIds or bestAvailable, not both";
        }
        if (h.seatIds() == null && h.bestAvailable() == null && h.places().isEmpty()) {
            return "seatIds: give seatIds, bestAvailable or areas: a hold takes at least one seat or place";
        }
        String places = places(h.areas());
        if (places != null) {
            return places;
        }
        if (h.seatIds() != null) {
            return h.seatIds().isEmpty() && !h.places().isEmpty() ? null : seatIds(h.seatIds());
        }
        if (h.bestAvailable() == null) {
            return null;
        }
        BestAvailable b = h.bestAvailable();
        return firstOf(text("bestAvailable.category", b.category()),
                positive("bestAvailable.quantity", b.quantity(), true),
                b.channel() == null ? null : channelId("bestAvailable.channel", b.channel()),
                ids("bestAvailable.require", b.require()),
                ids("bestAvailable.avoid", b.avoid()),
                b.require().stream().filter(b.avoid()::contains).findFirst()
                        .map(a -> "bestAvailable.avoid: " + a + " is also required").orElse(null),
                b.companions() != null && b.companions() < 0 ? "bestAvailable.companions: must not be negative"
                        : null,
                b.companionCount() > 0 && !b.wantsAdjacent()
                        ? "bestAvailable.companions: companion seats go next to adjacent seats; leave adjacent true"
                        : null);
    }

    /** Seats, places or both; at least one of either. */
    private static String seatsOrPlaces(List<String> seatIds, List<AreaQuantity> areas) {
        String p = places(areas);
        if (p != null) {
            return p;
        }
        if (areas != null && !areas.isEmpty() && (seatIds == null || seatIds.isEmpty())) {
            return null;
        }
        return seatIds == null || seatIds.isEmpty() ? "seatIds: at least one seat or place (areas) is required"
                : seatIds(seatIds);
    }

    private static String places(List<AreaQuantity> areas) {
        if (areas == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            AreaQuantity a = areas.get(i);
            String at = "areas[" + i + "]";
            if (a == null) {
                return at + ": must not be null";
            }
            String p = firstOf(id(at + ".areaId", a.areaId()),
                    a.quantity() == null ? at + ".quantity: required"
                            : a.quantity() < 1 || a.quantity() > MAX_CAPACITY
                                    ? at + ".quantity: must be 1 to " + MAX_CAPACITY : null,
                    a.channel() == null ? null : channelId(at + ".channel", a.channel()));
            if (p != null) {
                return p;
            }
            if (!seen.add(a.areaId())) {
                return at + ".areaId: area " + a.areaId() + " is named twice";
            }
        }
        return null;
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

    /** Optional list of ids (seat attributes, channels): each of the id grammar, none twice. */
    private static String ids(String field, List<String> values) {
        if (values == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String p = id(field + "[" + i + "]", values.get(i));
            if (p != null) {
                return p;
            }
            if (!seen.add(values.get(i))) {
                return field + "[" + i + "]: " + values.get(i) + " is named twice";
            }
        }
        return null;
    }

    /** A channel id: the id grammar, and not {@value #PUBLIC_POOL}, which names the public pool in the API. */
    private static String channelId(String field, String value) {
        String p = id(field, value);
        if (p != null) {
            return p;
        }
        return PUBLIC_POOL.equals(value) ? field + ": \"" + PUBLIC_POOL + "\" names the public pool, not a channel"
                : null;
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
