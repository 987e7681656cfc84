package com.seatledger.orders;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;

/** The two calls this service makes to the Seat Ledger REST API. */
public final class SeatLedgerApi {

    /** An HTTP answer: status and body (null when there was none). */
    public record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String code() {
            return body == null ? null : body.path("code").asString(null);
        }
    }

    private final RestClient http;
    private final String serviceToken;

    public SeatLedgerApi(RestClient http, String serviceToken) {
        this.http = http;
        this.serviceToken = serviceToken;
    }

    /** The hold as its holder sees it (their token): 200 only for the holder (or an admin). */
    public Answer hold(String holdId, String buyerAuthorization) {
        return http.get().uri("/api/holds/{holdId}", holdId).header("Authorization", buyerAuthorization)
                .exchange((req, res) -> answer(res.getStatusCode(), res.getBody().readAllBytes()));
    }

    /**
     * Confirms the hold under the order, as this service. The order id is the Idempotency-Key: a
     * retried payment (a timeout, a 503, a redelivered webhook) is the same command and never
     * confirms twice; it gets the first answer again.
     */
    public Answer confirm(String holdId, String orderId) {
        return http.post().uri("/api/holds/{holdId}/confirm", holdId)
                .header("Authorization", "Bearer " + serviceToken).header("Idempotency-Key", orderId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("orderId", orderId))
                .exchange((req, res) -> answer(res.getStatusCode(), res.getBody().readAllBytes()));
    }

    private static Answer answer(HttpStatusCode status, byte[] body) {
        return new Answer(status.value(), body.length == 0 ? null : Json.MAPPER.readTree(body));
    }
}
