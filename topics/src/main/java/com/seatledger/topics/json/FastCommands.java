package com.seatledger.topics.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.ReleaseHold;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A streaming reader for the commands of an on-sale's hot path ({@code HOLD}, {@code EXTEND_HOLD},
 * {@code RELEASE_HOLD}, {@code CONFIRM_HOLD}): one pass over the tokens straight into the record, no
 * type buffering, no creator machinery. Binding through the mapper was a quarter of the ledger's CPU
 * per command.
 *
 * <p>It either returns exactly what {@code Json.MAPPER} would bind, or {@code null}: anything it is
 * not sure about (another type, a value of an unexpected shape, a repeated member, a timestamp with
 * an offset, malformed JSON) goes back to the mapper, which also explains what is wrong.
 * {@code FastCommandsTest} holds it to that.
 */
final class FastCommands {

    /** Each member it reads has a bit, to catch a repeated member and one foreign to the command's type. */
    private static final List<String> MEMBERS = List.of("type", "commandId", "showId", "actor", "roles", "issuedAt",
            "holdId", "seatIds", "bestAvailable", "ttlSeconds", "replacesHoldId", "areas", "orderId", "channels");
    private static final Map<String, Integer> MEMBER_BITS = new HashMap<>();
    static {
        for (int i = 0; i < MEMBERS.size(); i++) {
            MEMBER_BITS.put(MEMBERS.get(i), 1 << i);
        }
    }
    private static final int COMMON = bits("type", "commandId", "showId", "actor", "roles", "issuedAt");
    /** The members each command type it reads may have. */
    private static final Map<String, Integer> ALLOWED = Map.of(
            "HOLD", COMMON | bits("holdId", "seatIds", "bestAvailable", "ttlSeconds", "replacesHoldId", "areas",
                    "channels"),
            "EXTEND_HOLD", COMMON | bits("holdId", "ttlSeconds", "channels"),
            "RELEASE_HOLD", COMMON | bits("holdId", "channels"),
            "CONFIRM_HOLD", COMMON | bits("holdId", "orderId", "channels"));

    private FastCommands() {
    }

    private static int bits(String... members) {
        int bits = 0;
        for (String m : members) {
            bits |= MEMBER_BITS.get(m);
        }
        return bits;
    }

    /** The command, or null when the mapper must decide. */
    static Command read(byte[] bytes) {
        try (JsonParser p = Json.MAPPER.createParser(bytes)) {
            return read(p);
        } catch (JacksonException | DateTimeException | IllegalStateException e) {
            return null;
        }
    }

    private static Command read(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String type = null;
        String commandId = null;
        String showId = null;
        String actor = null;
        List<String> roles = null;
        Instant issuedAt = null;
        String holdId = null;
        List<String> seatIds = null;
        BestAvailable bestAvailable = null;
        Integer ttlSeconds = null;
        String replacesHoldId = null;
        List<AreaQuantity> areas = null;
        String orderId = null;
        List<String> channels = null;
        int seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int bit = MEMBER_BITS.getOrDefault(name, 0);
            if ((seen & bit) != 0) {
                return null; // a repeated member: the mapper's rules apply
            }
            seen |= bit;
            p.nextToken();
            switch (name) {
                case "type" -> type = text(p);
                case "commandId" -> commandId = text(p);
                case "showId" -> showId = text(p);
                case "actor" -> actor = text(p);
                case "roles" -> roles = texts(p);
                case "issuedAt" -> issuedAt = instant(p);
                case "holdId" -> holdId = text(p);
                case "seatIds" -> seatIds = texts(p);
                case "bestAvailable" -> bestAvailable = bestAvailable(p);
                case "ttlSeconds" -> ttlSeconds = integer(p);
                case "replacesHoldId" -> replacesHoldId = text(p);
                case "areas" -> areas = areas(p);
                case "orderId" -> orderId = text(p);
                case "channels" -> channels = texts(p);
                default -> {
                    // unknown members are tolerated, as the mapper does; their content is not read
                    if (p.currentToken().isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || type == null) {
            return null;
        }
        // members of other command types are unknown to this one: the mapper ignores them, but whether
        // it accepted their values here is not worth reasoning about, so those records go to it
        Integer allowed = ALLOWED.get(type);
        if (allowed == null || (seen & ~allowed) != 0) {
            return null;
        }
        return switch (type) {
            case "HOLD" -> new HoldSeats(commandId, showId, actor, roles, issuedAt, holdId, seatIds, bestAvailable,
                    ttlSeconds, replacesHoldId, areas, channels);
            case "EXTEND_HOLD" -> new ExtendHold(commandId, showId, actor, roles, issuedAt, holdId, ttlSeconds,
                    channels);
            case "RELEASE_HOLD" -> new ReleaseHold(commandId, showId, actor, roles, issuedAt, holdId, channels);
            default -> new ConfirmHold(commandId, showId, actor, roles, issuedAt, holdId, orderId, channels);
        };
    }

    /** A string or null; anything else is the mapper's to judge. */
    private static String text(JsonParser p) {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getString();
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException();
        };
    }

    private static Integer integer(JsonParser p) {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.INT) {
                    throw new IllegalStateException();
                }
                yield p.getIntValue();
            }
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException();
        };
    }

    private static Boolean bool(JsonParser p) {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException();
        };
    }

    /** Only the plain UTC form ("...Z"), which every parser reads alike. */
    private static Instant instant(JsonParser p) {
        String s = text(p);
        if (s == null) {
            return null;
        }
        if (s.isEmpty() || s.charAt(s.length() - 1) != 'Z') {
            throw new IllegalStateException();
        }
        return IsoInstants.parse(s);
    }

    /** An array of strings (no null elements), or null. */
    private static List<String> texts(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalStateException();
        }
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw new IllegalStateException();
            }
            out.add(p.getString());
        }
        return out;
    }

    private static BestAvailable bestAvailable(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Object[] v = new Object[7];
        members(p, name -> switch (name) {
            case "category" -> {
                v[0] = text(p);
                yield 1;
            }
            case "quantity" -> {
                v[1] = integer(p);
                yield 2;
            }
            case "adjacent" -> {
                v[2] = bool(p);
                yield 4;
            }
            case "channel" -> {
                v[3] = text(p);
                yield 8;
            }
            case "require" -> {
                v[4] = texts(p);
                yield 16;
            }
            case "avoid" -> {
                v[5] = texts(p);
                yield 32;
            }
            case "companions" -> {
                v[6] = integer(p);
                yield 64;
            }
            default -> throw new IllegalStateException();
        });
        return new BestAvailable((String) v[0], (Integer) v[1], (Boolean) v[2], (String) v[3], strings(v[4]),
                strings(v[5]), (Integer) v[6]);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return (List<String>) v;
    }

    private static List<AreaQuantity> areas(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalStateException();
        }
        List<AreaQuantity> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            Object[] v = new Object[3];
            members(p, name -> switch (name) {
                case "areaId" -> {
                    v[0] = text(p);
                    yield 1;
                }
                case "quantity" -> {
                    v[1] = integer(p);
                    yield 2;
                }
                case "channel" -> {
                    v[2] = text(p);
                    yield 4;
                }
                default -> throw new IllegalStateException();
            });
            out.add(new AreaQuantity((String) v[0], (Integer) v[1], (String) v[2]));
        }
        return out;
    }

    /** Reads one member's value (the parser is on it) and answers its bit, to catch a repeated member. */
    private interface Member {
        int read(String name);
    }

    /** The members of the object the parser is on, each once; anything else is the mapper's to judge. */
    private static void members(JsonParser p, Member member) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException();
        }
        int seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            int bit = member.read(name);
            if ((seen & bit) != 0) {
                throw new IllegalStateException();
            }
            seen |= bit;
        }
    }
}
