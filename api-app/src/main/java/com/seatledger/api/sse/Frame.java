package com.seatledger.api.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One thing to write to SSE connections, in the SSE wire format. A delta goes to every client of a
 * show: it is encoded once, on first use by a writer thread (not by the thread that queued it), and
 * the same bytes are written to each connection.
 */
final class Frame {

    static final Frame CLOSE = new Frame(() -> new byte[0], true);

    private final Supplier<byte[]> wire;
    private final boolean close;

    private Frame(Supplier<byte[]> wire, boolean close) {
        this.wire = wire;
        this.close = close;
    }

    static Frame event(String id, String name, Supplier<String> data) {
        return new Frame(once(() -> {
            StringBuilder b = new StringBuilder(256);
            if (id != null) {
                b.append("id:").append(id).append('\n');
            }
            b.append("event:").append(name).append('\n');
            for (String line : data.get().split("\n", -1)) {
                b.append("data:").append(line).append('\n');
            }
            return b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }), false);
    }

    static Frame comment(String text) {
        byte[] bytes = (":" + text + "\n\n").getBytes(StandardCharsets.UTF_8);
        return new Frame(() -> bytes, false);
    }

    /** The client's reconnect delay; no blank line, so it belongs to the event that follows it. */
    static Frame retry(long millis) {
        byte[] bytes = ("retry:" + millis + "\n").getBytes(StandardCharsets.UTF_8);
        return new Frame(() -> bytes, false);
    }

    boolean close() {
        return close;
    }

    /** The frame's bytes, shared by every connection: each gets its own view of them to write. */
    ByteBuffer bytes() {
        return ByteBuffer.wrap(wire.get());
    }

    /** A supplier that computes its value once, on first use, for every connection that shares it. */
    static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = compute.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
