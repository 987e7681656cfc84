package com.seatledger.api.sse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.eclipse.jetty.ee11.servlet.ServletContextResponse;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where one stream's bytes go: an asynchronous response, written one frame at a time without
 * blocking the writer. A fan-out writes the same change to 10,000 streams; each write used to go
 * through Spring's emitter (message converters, header checks) and the servlet output stream's
 * blocking write, ~24 us of CPU per client. On Jetty the frame goes straight to the response
 * underneath the servlet API, which takes a buffer and a callback, and the writer moves on.
 */
interface SseOutput {

    /**
     * Writes the bytes; {@code done} runs once with null or the failure when they are written, on this
     * thread before {@code write} returns or later on another. The next write waits for it.
     */
    void write(ByteBuffer bytes, Consumer<Throwable> done);

    /** Ends the response; never while a write is in progress. */
    void complete();

    /** What the container tells the stream: the client went away, or the response is already complete. */
    interface Events {
        void failed();

        void completed();
    }

    /**
     * Starts the event stream on this request: status and headers sent at once (the client knows the
     * stream is open, and the response is committed before another thread writes to it), the request
     * asynchronous with no container timeout (the hub ends long streams itself, from its own drain, so
     * a timeout never completes the response under a write).
     */
    static SseOutput start(HttpServletRequest request, HttpServletResponse response, Events events)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not hold events back
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                events.completed();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                events.failed();
            }

            @Override
            public void onError(AsyncEvent event) {
                events.failed();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        try {
            response.flushBuffer();
        } catch (IOException clientGone) {
            completeQuietly(async);
            throw clientGone;
        }
        Response jetty = jettyResponse(response);
        return jetty != null ? new JettyOutput(async, jetty) : new BlockingOutput(async, response.getOutputStream());
    }

    private static Response jettyResponse(HttpServletResponse response) {
        try {
            return ServletContextResponse.getServletContextResponse(response);
        } catch (IllegalStateException | LinkageError notJetty) {
            return null;
        }
    }

    /** Jetty's own non-blocking write: the callback runs when the socket took the bytes. */
    record JettyOutput(AsyncContext async, Response response) implements SseOutput {

        @Override
        public void write(ByteBuffer bytes, Consumer<Throwable> done) {
            // non-blocking: the callback only hands the connection back to a writer thread
            response.write(false, bytes, Callback.from(InvocationType.NON_BLOCKING, () -> done.accept(null), done));
        }

        @Override
        public void complete() {
            completeQuietly(async);
        }
    }

    /** Any other servlet container: the writer thread blocks in the write. */
    record BlockingOutput(AsyncContext async, ServletOutputStream out) implements SseOutput {

        @Override
        public void write(ByteBuffer bytes, Consumer<Throwable> done) {
            try {
                out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                out.flush();
            } catch (IOException | RuntimeException e) {
                done.accept(e);
                return;
            }
            done.accept(null);
        }

        @Override
        public void complete() {
            completeQuietly(async);
        }
    }

    private static void completeQuietly(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyComplete) {
            // the container ended it first (the client went away)
        }
    }
}
