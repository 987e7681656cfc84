package com.seatledger.topics.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.apache.kafka.common.serialization.Serializer;

import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.ShowEvent;

import tools.jackson.core.JsonGenerator;

/**
 * The ledger's two per-command outputs, {@link CommandResult} and {@link ShowEvent}, written member
 * by member straight into bytes ({@link JsonOut}) instead of through reflection or a generator: they
 * are written for every command (on the on-sale mix ~0.7 us per result and ~1.3 per event, against
 * ~1.2 and ~1.9 through Jackson's generator). The JSON is the same as {@link Json#MAPPER} writes
 * (same members, same order, nulls omitted); {@code OutputWritersTest} and
 * {@code OutputWritersProperties} hold them to that. The generator-based helpers below write
 * the same hold object and members into a snapshot, which is written through a generator.
 */
public final class OutputWriters {

    private OutputWriters() {
    }

    public static final Serializer<CommandResult> RESULTS = (topic, r) -> r == null ? null : write(r);
    public static final Serializer<ShowEvent> EVENTS = (topic, e) -> e == null ? null : write(e);

    public static byte[] write(CommandResult r) {
        JsonOut o = new JsonOut(512).beginObject();
        o.string("commandId", r.commandId()).string("showId", r.showId()).string("type", name(r.type()))
                .string("outcome", name(r.outcome())).string("code", name(r.code())).string("message", r.message());
        if (r.seq() != null) {
            o.number("seq", r.seq());
        }
        o.bool("duplicate", r.duplicate());
        hold(o, r.hold());
        o.string("orderId", r.orderId());
        o.name("seatErrors").beginArray();
        for (var e : r.seatErrors()) {
            o.beginObject().string("seatId", e.seatId()).string("reason", name(e.reason())).endObject();
        }
        o.endArray();
        if (!r.areaErrors().isEmpty()) {
            o.name("areaErrors").beginArray();
            for (var e : r.areaErrors()) {
                o.beginObject().string("areaId", e.areaId()).string("reason", name(e.reason()))
                        .number("requested", e.requested()).number("available", e.available()).endObject();
            }
            o.endArray();
        }
        return o.endObject().toBytes();
    }

    public static byte[] write(ShowEvent e) {
        if (e.layout() != null || e.channel() != null || !e.quotas().isEmpty()) {
            // CREATE and CHANNEL events: once per show or assignment, the mapper's own way
            return Json.MAPPER.writeValueAsBytes(e);
        }
        JsonOut o = new JsonOut(1024).beginObject();
        o.string("showId", e.showId()).number("seq", e.seq());
        instant(o, "at", e.at());
        o.string("cause", name(e.cause())).string("commandId", e.commandId()).string("actor", e.actor());
        hold(o, e.hold());
        o.string("orderId", e.orderId()).string("replacedHoldId", e.replacedHoldId()).string("reason", e.reason());
        o.name("seats").beginArray();
        for (var s : e.seats()) {
            o.beginObject().string("seatId", s.seatId()).string("status", name(s.status()))
                    .string("channel", s.channel()).endObject();
        }
        o.endArray();
        if (e.availability() != null) {
            o.name("availability").beginObject();
            for (Map.Entry<String, Availability> a : e.availability().entrySet()) {
                o.key(a.getKey()).beginObject().number("available", a.getValue().available())
                        .number("held", a.getValue().held()).number("sold", a.getValue().sold())
                        .number("blocked", a.getValue().blocked()).endObject();
            }
            o.endObject();
        }
        if (!e.areas().isEmpty()) {
            o.name("areas").beginArray();
            for (var a : e.areas()) {
                o.beginObject().string("areaId", a.areaId()).number("available", a.available())
                        .number("held", a.held()).number("sold", a.sold()).number("blocked", a.blocked()).endObject();
            }
            o.endArray();
        }
        return o.endObject().toBytes();
    }

    private static void hold(JsonOut o, Hold h) {
        if (h == null) {
            return;
        }
        o.name("hold").beginObject().string("holdId", h.holdId()).string("actor", h.actor());
        if (h.seatIds() != null) {
            o.name("seatIds").beginArray();
            for (String seat : h.seatIds()) {
                o.string(seat);
            }
            o.endArray();
        }
        instant(o, "createdAt", h.createdAt());
        instant(o, "expiresAt", h.expiresAt());
        o.string("status", name(h.status()));
        if (!h.areas().isEmpty()) {
            o.name("areas").beginArray();
            for (AreaQuantity a : h.areas()) {
                o.beginObject().string("areaId", a.areaId());
                if (a.quantity() != null) {
                    o.number("quantity", a.quantity());
                }
                o.string("channel", a.channel()).endObject();
            }
            o.endArray();
        }
        o.endObject();
    }

    private static void instant(JsonOut o, String name, Instant value) {
        if (value != null) {
            o.string(name, IsoInstants.format(value));
        }
    }

    /**
     * A hold object as the mapper writes a {@link Hold}, from its parts: the ledger's snapshots write
     * their holds from its own records without building a {@code Hold} each. {@code seatCount} -1:
     * no {@code seatIds} member.
     */
    public static void hold(JsonGenerator g, String holdId, String actor, int seatCount, IntFunction<String> seatId,
            Instant createdAt, Instant expiresAt, HoldStatus status, List<AreaQuantity> areas) {
        g.writeStartObject();
        string(g, "holdId", holdId);
        string(g, "actor", actor);
        if (seatCount >= 0) {
            g.writeName("seatIds");
            g.writeStartArray();
            for (int i = 0; i < seatCount; i++) {
                g.writeString(seatId.apply(i));
            }
            g.writeEndArray();
        }
        instant(g, "createdAt", createdAt);
        instant(g, "expiresAt", expiresAt);
        string(g, "status", name(status));
        if (!areas.isEmpty()) {
            objects(g, "areas", areas, a -> {
                string(g, "areaId", a.areaId());
                if (a.quantity() != null) {
                    g.writeNumberProperty("quantity", a.quantity());
                }
                string(g, "channel", a.channel());
            });
        }
        g.writeEndObject();
    }

    /** {@code name: [ {...}, ... ]}, each object's members written by {@code members}. */
    private static <T> void objects(JsonGenerator g, String name, List<T> items, Consumer<T> members) {
        g.writeName(name);
        g.writeStartArray();
        for (T item : items) {
            g.writeStartObject();
            members.accept(item);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void string(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** ISO-8601 in UTC, as the mapper writes an Instant. */
    public static void instant(JsonGenerator g, String name, Instant value) {
        if (value != null) {
            g.writeStringProperty(name, IsoInstants.format(value));
        }
    }
}
