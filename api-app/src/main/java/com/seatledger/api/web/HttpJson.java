package com.seatledger.api.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import com.seatledger.topics.json.Json;

import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's JSON mapping (strict types) plus what HTTP needs: problem bodies with their
 * extra members ({@code code}, {@code seatErrors}) at the top level, as RFC 9457 wants.
 */
public final class HttpJson {

    public static final JsonMapper MAPPER = Json.MAPPER.rebuild()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private HttpJson() {
    }
}
