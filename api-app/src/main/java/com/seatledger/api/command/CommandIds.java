package com.seatledger.api.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import com.seatledger.topics.message.Ids;

/**
 * Ids the api-app mints. An {@code Idempotency-Key} is scoped to its actor: the
 * commandId is a digest of actor and key, so two actors never collide and a retry is the same
 * command. Ids the api-app chooses for the caller (a new hold's id) derive from the commandId, so a
 * retried HOLD carries the same holdId and is recognised as the same command.
 *
 * <p>A hold id also names its show ({@code h-<digest>:<showId>}, when the show id is short enough
 * to fit the 64-character id grammar): a command on a hold that this instance's views have
 * forgotten (ended long ago, or before the instance started) still reaches the show's partition,
 * where the ledger answers a retried command with its original result for 24 h.
 */
public final class CommandIds {

    /** The commandId for a request: derived from the key when there is one, random otherwise. */
    public static String commandId(String actor, String idempotencyKey) {
        if (idempotencyKey == null) {
            return "c-" + UUID.randomUUID();
        }
        if (!Ids.valid(idempotencyKey)) {
            throw new BadRequest("Idempotency-Key", Ids.RULE);
        }
        return "k-" + digest(actor + '\n' + idempotencyKey);
    }

    /** The longest show id a hold id can carry: "h-" + 16 digest characters + ":" + show id = 64. */
    static final int MAX_SHOW_IN_HOLD_ID = 64 - 2 - 16 - 1;

    public static String holdId(String commandId, String showId) {
        String d = digest("hold\n" + commandId);
        return showId.length() <= MAX_SHOW_IN_HOLD_ID ? "h-" + d.substring(0, 16) + ":" + showId
                : "h-" + d.substring(0, 22);
    }

    /** The show a hold id minted by {@link #holdId} names, or null (another form, or a longer show id). */
    public static String showOfHold(String holdId) {
        int sep = 2 + 16;
        if (holdId.startsWith("h-") && holdId.indexOf(':') == sep && holdId.length() > sep + 1) {
            return holdId.substring(sep + 1);
        }
        return null;
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private CommandIds() {
    }
}
