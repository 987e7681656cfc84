package com.seatledger.topics.json;

import java.io.ByteArrayOutputStream;
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
 * The ledger's two per-command outputs, {@link CommandResult} and {@link ShowEvent}, written with
 * Jackson's streaming generator member by member instead of through reflection: they are written
 * for every command, and this is most of what serialising them costs. The JSON is the same as
 * {@link Json#MAPPER} writes (same members, same order, nulls omitted); {@code OutputWritersTest}
 * holds them to that.
 */
public final class OutputWriters {

    private OutputWriters() {
    }

    public static final Serializer<CommandResult> RESULTS = (topic, r) -> r == null ? null : write(r);
    public static final Serializer<ShowEvent> EVENTS = (topic, e) -> e == null ? null : write(e);

    public static byte[] write(CommandResult r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.MAPPER.createGenerator(bytes)) {
            g.writeStartObject();
            string(g, "commandId", r.commandId());
            string(g, "showId", r.showId());
            string(g, "type", name(r.type()));
            string(g, "outcome", name(r.outcome()));
            string(g, "code", name(r.code()));
            string(g, "message", r.message());
            if (r.seq() != null) {
                g.writeNumberProperty("seq", r.seq());
            }
            g.writeBooleanProperty("duplicate", r.duplicate());
            hold(g, r.hold());
            string(g, "orderId", r.orderId());
            objects(g, "seatErrors", r.seatErrors(), e -> {
                string(g, "seatId", e.seatId());
                string(g, "reason", name(e.reason()));
            });
            if (!r.areaErrors().isEmpty()) {
                objects(g, "areaErrors", r.areaErrors(), e -> {
                    string(g, "areaId", e.areaId());
                    string(g, "reason", name(e.reason()));
                    g.writeNumberProperty("requested", e.requested());
                    g.writeNumberProperty("available", e.available());
                });
            }
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    public static byte[] write(ShowEvent e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(e.layout() == null ? 512 : 1 << 20);
        try (JsonGenerator g = Json.MAPPER.createGenerator(bytes)) {
            g.writeStartObject();
            string(g, "showId", e.showId());
            g.writeNumberProperty("seq", e.seq());
            instant(g, "at", e.at());
            string(g, "cause", name(e.cause()));
            string(g, "commandId", e.commandId());
            string(g, "actor", e.actor());
            hold(g, e.hold());
            string(g, "orderId", e.orderId());
            string(g, "replacedHoldId", e.replacedHoldId());
            string(g, "reason", e.reason());
            objects(g, "seats", e.seats(), s -> {
                string(g, "seatId", s.seatId());
                string(g, "status", name(s.status()));
                string(g, "channel", s.channel());
            });
            if (e.availability() != null) {
                g.writeName("availability");
                g.writeStartObject();
                for (Map.Entry<String, Availability> a : e.availability().entrySet()) {
                    g.writeName(a.getKey());
                    g.writeStartObject();
                    g.writeNumberProperty("available", a.getValue().available());
                    g.writeNumberProperty("held", a.getValue().held());
                    g.writeNumberProperty("sold", a.getValue().sold());
                    g.writeNumberProperty("blocked", a.getValue().blocked());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            if (e.layout() != null) {
                g.writeName("layout");
                g.writePOJO(e.layout()); // once per show: the mapper's own way is fine
            }
            if (!e.areas().isEmpty()) {
                objects(g, "areas", e.areas(), a -> {
                    string(g, "areaId", a.areaId());
                    g.writeNumberProperty("available", a.available());
                    g.writeNumberProperty("held", a.held());
                    g.writeNumberProperty("sold", a.sold());
                    g.writeNumberProperty("blocked", a.blocked());
                });
            }
            if (e.channel() != null) {
                g.writeName("channel");
                g.writePOJO(e.channel()); // CHANNEL events only: rare
            }
            if (!e.quotas().isEmpty()) {
                g.writeName("quotas");
                g.writePOJO(e.quotas());
            }
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void hold(JsonGenerator g, Hold h) {
        if (h == null) {
            return;
        }
        g.writeName("hold");
        List<String> seats = h.seatIds();
        hold(g, h.holdId(), h.actor(), seats == null ? -1 : seats.size(), seats == null ? null : seats::get,
                h.createdAt(), h.expiresAt(), h.status(), h.areas());
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
