package com.seatledger.api.web;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.seatledger.api.command.Admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What admission control refuses and how the refusal reads, for both places that refuse:
 * {@link AdmissionHandler} in front of the servlet layer (the server as it runs), and
 * {@link AdmissionFilter} for a command that reached the filters unadmitted (a servlet container
 * without the handler).
 */
public final class AdmissionRefusals {

    static final int STATUS = HttpStatus.SERVICE_UNAVAILABLE.value();
    static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /**
     * The refusal's problem body, serialised once: at an opening most commands are refused, on JVMs
     * still warming up, and each refusal should cost as little as possible.
     */
    static final byte[] BODY = Problems.bytes(HttpStatus.SERVICE_UNAVAILABLE, Problems.LEDGER_UNAVAILABLE,
            "this instance is at capacity and did not take the command; retry after the Retry-After seconds "
                    + "with the same Idempotency-Key, with some random delay added");

    private final Counter limit;
    private final Counter queued;

    public AdmissionRefusals(MeterRegistry registry) {
        this.limit = counter(registry, Admission.Refusal.LIMIT);
        this.queued = counter(registry, Admission.Refusal.QUEUED);
    }

    private static Counter counter(MeterRegistry registry, Admission.Refusal reason) {
        return Counter.builder("seatledger.admission.refused")
                .description("commands refused at once (503) because this instance could not answer them in time")
                .tag("reason", reason.name()).register(registry);
    }

    /** Commands are POST and DELETE under /api/; reads, streams, Actuator and OpenAPI are never refused. */
    static boolean isCommand(String method, String path) {
        return ("POST".equals(method) || "DELETE".equals(method)) && path != null && path.startsWith("/api/");
    }

    /** 1 or 2 s: refused clients should not all come back in the same second. */
    static String retryAfter() {
        return ThreadLocalRandom.current().nextBoolean() ? "1" : "2";
    }

    void count(Admission.Refusal reason) {
        (reason == Admission.Refusal.QUEUED ? queued : limit).increment();
    }
}
