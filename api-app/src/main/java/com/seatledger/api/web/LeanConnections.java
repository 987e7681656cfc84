package com.seatledger.api.web;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/**
 * Per-connection buffers sized for an SSE fan-out. An open seat-map stream keeps its request,
 * response and socket buffers for as long as it lives, and Tomcat sizes them for large bodies
 * (8 KB socket read and write buffers, an 8 KB + 16 KB servlet response buffer): at 10,000 streams
 * that was most of the heap (docs/performance.md, SSE fan-out). Smaller buffers cost a few more
 * system calls on the rare large body (show creation, a 100,000-seat seat map), which Tomcat writes
 * straight from the source when it exceeds the buffer anyway; a servlet that asks for a bigger
 * response buffer still gets one.
 */
public final class LeanConnections {

    /** Bytes of each socket buffer and of the servlet response buffer. */
    public static final int BUFFER_BYTES = 1024;

    /** Tomcat asks the protocol how large the servlet response buffer should be; HTTP/1.1 normally says "default". */
    public static final class Protocol extends Http11NioProtocol {
        @Override
        public int getDesiredBufferSize() {
            return BUFFER_BYTES;
        }
    }

    public static void apply(TomcatServletWebServerFactory factory) {
        factory.setProtocol(Protocol.class.getName());
        factory.addConnectorCustomizers(LeanConnections::socketBuffers);
    }

    private static void socketBuffers(Connector connector) {
        connector.setProperty("socket.appReadBufSize", Integer.toString(BUFFER_BYTES));
        connector.setProperty("socket.appWriteBufSize", Integer.toString(BUFFER_BYTES));
    }

    private LeanConnections() {
    }
}
