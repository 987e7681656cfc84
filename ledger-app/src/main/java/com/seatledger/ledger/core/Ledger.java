package com.seatledger.ledger.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.BlockSeats;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SellSeats;
import com.seatledger.topics.message.ShowEvent;
import com.seatledger.topics.message.UnblockSeats;

import tools.jackson.databind.node.ObjectNode;

/**
 * The seat ledger's decisions (SPEC §4), as plain Java over {@link LedgerTables}. One instance
 * decides, one command at a time, for the shows whose tables it is given; "now" is always passed in.
 */
public final class Ledger {

    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** Bounds the work of one expiry pass; what is left is picked up by the next pass. */
    static final int EXPIRY_BATCH = 5_000;
    public static final int DEFAULT_INDEXED_SHOWS = 64;

    private final ShowBook book;
    private final HoldRules holds;
    private final BoxOfficeRules boxOffice;

    public Ledger(LedgerTables tables) {
        this(tables, DEFAULT_INDEXED_SHOWS);
    }

    public Ledger(LedgerTables tables, int maxIndexedShows) {
        this.book = new ShowBook(tables, maxIndexedShows);
        this.holds = new HoldRules(book);
        this.boxOffice = new BoxOfficeRules(book);
    }

    /**
     * Decides a well-formed command (see {@code CommandCodec}). Holds already due are expired
     * first, so no decision ever sees a hold past its expiry; their EXPIRE events come first.
     */
    public Decision decide(Command c, Instant now) {
        List<ShowEvent> events = new ArrayList<>(expireDue(now));
        String key = Keys.of(c.showId(), c.commandId());
        String fingerprint = fingerprint(c);
        ProcessedCommand seen = book.tables().commands().get(key);
        if (seen != null && now.isBefore(seen.decidedAt().plus(IDEMPOTENCY_WINDOW))) {
            CommandResult again = seen.fingerprint().equals(fingerprint) ? seen.result().asDuplicate()
                    : rejected(c, ResultCode.INVALID_COMMAND, "commandId reused with different content");
            return new Decision(again, events);
        }
        CommandResult result;
        try {
            Accepted a = apply(c, now);
            events.add(a.event());
            result = new CommandResult(c.commandId(), c.showId(), c.type(), Outcome.ACCEPTED, ResultCode.OK, null,
                    a.event().seq(), false, a.hold(), a.orderId(), List.of());
        } catch (Reject r) {
            result = CommandResult.rejected(c.commandId(), c.showId(), c.type(), r.code, r.getMessage(),
                    r.seatErrors);
        }
        if (seen != null) {
            book.tables().commandExpiry().delete(Keys.due(seen.decidedAt(), key));
        }
        book.tables().commands().put(key, new ProcessedCommand(fingerprint, now, result));
        book.tables().commandExpiry().put(Keys.due(now, key), key);
        return new Decision(result, events);
    }

    private Accepted apply(Command c, Instant now) {
        return switch (c) {
            case HoldSeats h -> holds.hold(h, now);
            case ExtendHold e -> holds.extend(e, now);
            case ReleaseHold r -> holds.release(r, now);
            case ConfirmHold k -> holds.confirm(k, now);
            case CreateShow s -> boxOffice.create(s, now);
            case SellSeats s -> boxOffice.sell(s, now);
            case CancelOrder o -> boxOffice.cancel(o, now);
            case BlockSeats b -> boxOffice.block(b, now);
            case UnblockSeats u -> boxOffice.unblock(u, now);
        };
    }

    public static CommandResult rejected(Command c, ResultCode code, String message) {
        return CommandResult.rejected(c.commandId(), c.showId(), c.type(), code, message, List.of());
    }

    /**
     * Expires every hold whose {@code expiresAt} is at or before {@code now}, one EXPIRE event per
     * hold. Reads only the due part of the expiry index: cost follows the holds that expire.
     */
    public List<ShowEvent> expireDue(Instant now) {
        if (!book.mayHaveDue(now)) {
            return List.of();
        }
        List<Map.Entry<String, String>> due = due(book.tables().holdExpiry(), now);
        List<ShowEvent> events = new ArrayList<>();
        for (Map.Entry<String, String> entry : due) {
            book.tables().holdExpiry().delete(entry.getKey());
            Hold hold = book.tables().holds().get(entry.getValue());
            if (hold != null && hold.status() == HoldStatus.ACTIVE && !now.isBefore(hold.expiresAt())) {
                events.add(holds.expire(Keys.showOf(entry.getValue()), hold, now));
            }
        }
        book.dueScanned(due.size() == EXPIRY_BATCH);
        return events;
    }

    /** Forgets idempotency records older than the window; returns how many. */
    public int forgetProcessed(Instant now) {
        List<Map.Entry<String, String>> old = due(book.tables().commandExpiry(), now.minus(IDEMPOTENCY_WINDOW));
        for (Map.Entry<String, String> e : old) {
            book.tables().commandExpiry().delete(e.getKey());
            book.tables().commands().delete(e.getValue());
        }
        return old.size();
    }

    /** The first {@value #EXPIRY_BATCH} entries of a time index due at or before {@code upTo}. */
    private static List<Map.Entry<String, String>> due(Table<String> timeIndex, Instant upTo) {
        List<Map.Entry<String, String>> due = new ArrayList<>();
        timeIndex.scan("", Keys.dueAfter(upTo), (k, ref) -> {
            due.add(Map.entry(k, ref));
            return due.size() < EXPIRY_BATCH;
        });
        return due;
    }

    /**
     * What "the same command" means for idempotency: every member but {@code issuedAt}, which a
     * client's retry may stamp afresh.
     */
    static String fingerprint(Command c) {
        ObjectNode tree = Json.MAPPER.valueToTree(c);
        tree.remove("issuedAt");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.MAPPER.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
