package com.seatledger.api.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.seatledger.api.command.Admission;
import com.seatledger.api.sse.SseSettings;
import com.seatledger.api.web.CommandPathWarmUp;
import com.seatledger.topics.Topics;

/**
 * {@code seatledger.*} of the api-app; every member has a default (see application.yml for the
 * environment variables that set them).
 *
 * @param partitions   partitions of the co-partitioned topics, when this app creates them
 * @param replicationFactor replicas of each topic this app creates (min.insync.replicas one less); null: the broker's default
 * @param replyTimeout how long a command may wait for the ledger's decision (then 503)
 * @param createShowTimeout the same for CREATE_SHOW, whose layout may hold 100,000 seats
 * @param jwtSecret    HS256 secret, at least 32 bytes as UTF-8
 * @param jwtIssuerUri an identity provider's issuer (OpenID discovery); its tokens are accepted instead
 * @param jwkSetUri    an identity provider's JWK set (with or without an issuer to check)
 * @param jwtRolesClaim the claim holding the roles, a top-level name or a dotted path
 * @param jwtChannelsClaim the claim holding the sales channels the token's holder may buy from, read like the roles
 * @param rateLimit    commands per actor
 * @param sse          SSE limits
 * @param views        seat-map views
 * @param bodyLimit    request body limits
 * @param openOperations whether Actuator and OpenAPI endpoints need no token
 * @param admission    admission control of commands (the bound on commands in flight)
 * @param warmUp       the requests a new instance sends itself before it reports ready
 */
@ConfigurationProperties("seatledger")
public record ApiProperties(Integer partitions, Integer replicationFactor, Duration replyTimeout, Duration createShowTimeout, String jwtSecret, String jwtIssuerUri,
        String jwkSetUri, String jwtRolesClaim, RateLimit rateLimit,
        SseSettings sse, ViewSettings views, BodyLimit bodyLimit, Boolean openOperations,
        Admission.Settings admission, String jwtChannelsClaim, CommandPathWarmUp.Settings warmUp) {

    public record RateLimit(double perSecond, int burst) {
    }

    /**
     * @param replayEvents       seat deltas kept per show for SSE resume
     * @param snapshotMargin     read seat-status from this long before the snapshots' coveredUntil
     * @param endedHoldRetention how long ended holds stay visible (GET, late commands)
     */
    public record ViewSettings(int replayEvents, Duration snapshotMargin, Duration endedHoldRetention) {
    }

    public record BodyLimit(long showBytes, long otherBytes) {
    }

    public ApiProperties {
        partitions = partitions == null ? Topics.DEFAULT_PARTITIONS : partitions;
        replyTimeout = replyTimeout == null ? Duration.ofSeconds(5) : replyTimeout;
        createShowTimeout = createShowTimeout == null ? Duration.ofSeconds(60) : createShowTimeout;
        jwtIssuerUri = jwtIssuerUri == null || jwtIssuerUri.isBlank() ? null : jwtIssuerUri;
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? null : jwkSetUri;
        jwtRolesClaim = jwtRolesClaim == null || jwtRolesClaim.isBlank() ? "roles" : jwtRolesClaim;
        jwtChannelsClaim = jwtChannelsClaim == null || jwtChannelsClaim.isBlank() ? "channels" : jwtChannelsClaim;
        rateLimit = rateLimit == null ? new RateLimit(20, 40) : rateLimit;
        sse = sse == null ? SseSettings.DEFAULTS : sse;
        views = views == null ? new ViewSettings(1_000, Duration.ofSeconds(2), Duration.ofHours(1)) : views;
        bodyLimit = bodyLimit == null ? new BodyLimit(32L * 1024 * 1024, 64 * 1024) : bodyLimit;
        openOperations = openOperations == null || openOperations;
        admission = admission == null ? Admission.Settings.DEFAULTS : admission;
        warmUp = warmUp == null ? CommandPathWarmUp.Settings.DEFAULTS : warmUp;
    }
}
