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

    public static String holdId(String commandId) {
        return "h-" + digest("hold\n" + commandId).substring(0, 22);
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
