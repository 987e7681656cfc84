package com.seatledger.topics.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * "Give me the best {@code quantity} seats of {@code category}"; {@code adjacent} defaults to true.
 * {@code channel}: choose from that channel instead of the public pool. {@code require}: every chosen
 * seat has all these attributes; {@code avoid}: none has any. {@code companions}: that many
 * {@code COMPANION} seats next to the chosen ones as well (a wheelchair space and its companions).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BestAvailable(String category, Integer quantity, Boolean adjacent, String channel,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> require,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> avoid, Integer companions) {

    public BestAvailable {
        require = require == null ? List.of() : require;
        avoid = avoid == null ? List.of() : avoid;
    }

    public BestAvailable(String category, Integer quantity, Boolean adjacent) {
        this(category, quantity, adjacent, null, List.of(), List.of(), null);
    }

    public boolean wantsAdjacent() {
        return adjacent == null || adjacent;
    }

    public int companionCount() {
        return companions == null ? 0 : companions;
    }
}
