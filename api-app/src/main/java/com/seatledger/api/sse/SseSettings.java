package com.seatledger.api.sse;

import java.time.Duration;

/**
 * SSE limits: the per-connection queue (frames) past which a client is dropped, the connection
 * cap, how long a stream may live before the client reconnects, idle heartbeat, the client retry
 * hint, the writer threads, when the hold stream warns that expiry is near, and the streams one
 * client address may hold open (0: no cap; loopback clients are never capped).
 */
public record SseSettings(int queueFrames, int maxConnections, Duration streamTimeout, Duration heartbeat,
        Duration retry, int writerThreads, Duration expiringNotice, int maxPerAddress) {

    public static final SseSettings DEFAULTS = new SseSettings(256, 20_000, Duration.ofMinutes(30),
            Duration.ofSeconds(15), Duration.ofSeconds(2), 8, Duration.ofSeconds(60), 1_000);
}
