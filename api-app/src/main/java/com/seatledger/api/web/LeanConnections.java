package com.seatledger.api.web;

import java.net.InetSocketAddress;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;

/**
 * Jetty sized for an SSE fan-out: tens of thousands of open seat-map streams that are idle most of
 * the time. Jetty takes its buffers from a pool only while bytes move, so an idle stream holds no
 * buffer: writes are not aggregated (a response that aggregates keeps its buffer until it ends), and
 * what an idle stream keeps is its request and response objects: ~13 KB per idle stream, measured
 * (Tomcat, which this replaced, kept ~62 KB of request and response buffers per open stream
 * whatever it was told). At an on-sale's opening thousands connect within seconds,
 * so the kernel's accept queue is made long enough to hold them ({@value #ACCEPT_QUEUE}; Linux caps
 * it at net.core.somaxconn) instead of Java's default of 50, past which SYNs are dropped and
 * clients retry after 1, 3, 7 s. Jetty's own refusals (a malformed request line, an ambiguous URI)
 * answer problem bodies like the rest of the API ({@link ProblemErrorHandler}).
 */
public final class LeanConnections {

    /** Bytes of a response's output buffer (for single-byte writes; whole writes bypass it). */
    public static final int BUFFER_BYTES = 1024;
    static final int ACCEPT_QUEUE = 4096;
    /** Our response headers fit in 1 KB; the buffer for them lives only while a response is written. */
    static final int RESPONSE_HEADER_BYTES = 4096;

    /** Buffers of one size kept for reuse; more in use at once are allocated and dropped. */
    static final int POOLED_PER_SIZE = 64;

    /**
     * Jetty with a byte-buffer pool of bounded buckets. Every frame written to a chunked response
     * takes a buffer from the pool, and Jetty's default pool lets a bucket grow without bound: with
     * thousands of streams written at once its buckets held so many entries that finding a free one
     * (a scan) took ~40 % of the SSE writer threads' time (JFR, 2,000 clients). The connector gets
     * the pool when it is built, hence a factory.
     */
    public static class Factory extends JettyServletWebServerFactory {
        @Override
        protected AbstractConnector createConnector(InetSocketAddress address, Server server) {
            return createConnector(address, server, null, null, new ArrayByteBufferPool(-1, -1, -1, POOLED_PER_SIZE));
        }
    }

    public static void apply(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(LeanConnections::tune);
    }

    private static void tune(Server server) {
        server.setErrorHandler(new ProblemErrorHandler());
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector s) {
                s.setAcceptQueueSize(ACCEPT_QUEUE);
            }
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                HttpConfiguration config = http.getHttpConfiguration();
                config.setOutputBufferSize(BUFFER_BYTES);
                // no aggregation: Jetty keeps a response's aggregation buffer (a pooled 4 KB direct buffer)
                // until the response completes, so every open stream held one for life, the pool's
                // bucket was always empty, and every chunk a fan-out wrote allocated and zeroed a new
                // direct buffer (JFR, 10,000 clients). Our writes are whole frames and whole JSON
                // bodies already: each goes to the socket as it is.
                config.setOutputAggregationSize(0);
                config.setResponseHeaderSize(RESPONSE_HEADER_BYTES);
                config.setSendServerVersion(false);
            }
        }
    }

    private LeanConnections() {
    }
}
