package com.seatledger.api.sse;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One thing to write to an SSE connection. The data is a supplier so that a big snapshot is
 * serialised by the writer thread, not by the thread that queued it.
 */
record Frame(String id, String name, Supplier<String> data, String comment, Long retryMillis, boolean close) {

    static final Frame CLOSE = new Frame(null, null, null, null, null, true);

    static Frame event(String id, String name, Supplier<String> data) {
        return new Frame(id, name, data, null, null, false);
    }

    static Frame comment(String text) {
        return new Frame(null, null, null, text, null, false);
    }

    Frame withRetry(long millis) {
        return new Frame(id, name, data, comment, millis, close);
    }

    SseEventBuilder build() {
        SseEventBuilder b = SseEmitter.event();
        if (retryMillis != null) {
            b.reconnectTime(retryMillis);
        }
        if (comment != null) {
            b.comment(comment);
        }
        if (id != null) {
            b.id(id);
        }
        if (name != null) {
            b.name(name);
        }
        if (data != null) {
            b.data(data.get());
        }
        return b;
    }
}
