package com.seatledger.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * Many seat-map clients in one JVM, as cheap as a client can be: plain non-blocking sockets on a
 * couple of selector threads, HTTP/1.1 and chunked framing undone by hand and SSE frames scanned
 * for their {@code event:} and {@code id:} lines only (a snapshot's data is skipped, never decoded).
 * Real clients sit on other machines; here they share two cores with the server they measure, so
 * every microsecond a client spends per delivery is taken from the fan-out being measured. (The JDK
 * HttpClient used before decoded every line into a String and handed it across threads.)
 *
 * <p>Each client notes the arrival time of every {@code seats} event and checks the ids: a lower or
 * equal id is a repeat, a skipped id a gap (the bench's changes are all holds, so every seq changes
 * seats).
 */
final class SseClients implements AutoCloseable {

    private static final int SELECTORS = 2;

    /** What a step's deliveries came to. */
    record Tally(long deliveries, long gaps, long repeats, long closed) {
    }

    private final InetSocketAddress address;
    private final byte[] request;
    private final List<Client> clients = new ArrayList<>();
    private final List<Loop> loops = new ArrayList<>();
    private final long epochMicros0;
    private final long nanos0 = System.nanoTime();

    SseClients(URI uri) throws IOException {
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Instant now = Instant.now();
        this.epochMicros0 = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
        for (int i = 0; i < SELECTORS; i++) {
            Loop loop = new Loop();
            loops.add(loop);
            Thread.ofPlatform().daemon().name("sse-clients-" + i).start(loop);
        }
    }

    /** Wall-clock microseconds, precise and monotonic within the run, comparable with the ledger's clock on this machine. */
    private long nowMicros() {
        return epochMicros0 + (System.nanoTime() - nanos0) / 1000;
    }

    int size() {
        return clients.size();
    }

    void open() {
        Client c = new Client();
        clients.add(c);
        loops.get(clients.size() % SELECTORS).add(c);
    }

    /** Why clients closed (connection refused, ended by the server, ...), with how many each. */
    Map<String, Long> closeReasons() {
        return clients.stream().filter(c -> c.closed).collect(Collectors.groupingBy(
                c -> (c.snapshotSeq < 0 ? "before its snapshot: " : "after its snapshot: ") + c.why,
                TreeMap::new, Collectors.counting()));
    }

    /** Waits until the first {@code n} clients have their snapshot or have failed; returns how many are live. */
    int awaitSnapshots(int n, Duration within) throws InterruptedException {
        await(c -> c.snapshotSeq >= 0 || c.closed, within);
        return (int) clients.stream().filter(c -> c.snapshotSeq >= 0 && !c.closed).count();
    }

    /** Waits until every live client has seen {@code seq}. */
    void awaitSeq(long seq, Duration within) throws InterruptedException {
        await(c -> c.closed || c.lastSeq >= seq, within);
    }

    private void await(Predicate<Client> done, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && !clients.stream().allMatch(done)) {
            TimeUnit.MILLISECONDS.sleep(100); // polling the clients' progress, not synchronising with them
        }
    }

    /** Records acceptance → arrival of every delivery of a seq in [first, last] with a known acceptance time. */
    Tally tally(long first, long last, Map<Long, Long> acceptedAtMicros, Histogram into) {
        long deliveries = 0;
        long gaps = 0;
        long repeats = 0;
        long closed = 0;
        for (Client c : clients) {
            int n = c.published;
            for (int i = 0; i < n; i++) {
                Long accepted = acceptedAtMicros.get(c.seqs[i]);
                if (c.seqs[i] >= first && c.seqs[i] <= last && accepted != null) {
                    into.recordValue(Math.max(0, c.arrivals[i] - accepted));
                    deliveries++;
                }
            }
            gaps += c.gaps;
            repeats += c.repeats;
            closed += c.closed ? 1 : 0;
        }
        return new Tally(deliveries, gaps, repeats, closed);
    }

    @Override
    public void close() {
        loops.forEach(Loop::stop);
    }

    /** One selector thread: connects its clients, sends their requests, reads their streams. */
    private final class Loop implements Runnable {
        private final Selector selector;
        private final Queue<Client> pending = new ConcurrentLinkedQueue<>();
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        private final byte[] bytes = new byte[256 * 1024];
        private volatile boolean running = true;

        Loop() throws IOException {
            this.selector = Selector.open();
        }

        void add(Client c) {
            pending.add(c);
            selector.wakeup();
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        @Override
        public void run() {
            try (selector) {
                while (running) {
                    selector.select(this::ready);
                    for (Client c; (c = pending.poll()) != null; ) {
                        connect(c);
                    }
                }
                for (SelectionKey k : selector.keys()) {
                    k.channel().close();
                }
            } catch (IOException e) {
                throw new IllegalStateException("SSE client selector failed", e);
            }
        }

        private void connect(Client c) {
            try {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                c.channel = ch;
                if (ch.connect(address)) {
                    ch.write(ByteBuffer.wrap(request));
                    ch.register(selector, SelectionKey.OP_READ, c);
                } else {
                    ch.register(selector, SelectionKey.OP_CONNECT, c);
                }
            } catch (IOException e) {
                c.fail(e);
            }
        }

        private void ready(SelectionKey key) {
            Client c = (Client) key.attachment();
            try {
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    // a GET of a hundred bytes fits any fresh socket's send buffer
                    c.channel.write(ByteBuffer.wrap(request));
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    buffer.clear();
                    int n = c.channel.read(buffer);
                    if (n < 0) {
                        key.cancel();
                        c.channel.close();
                        c.ended("ended by the server (HTTP " + c.status + ")");
                        return;
                    }
                    buffer.flip();
                    buffer.get(bytes, 0, n);
                    c.received(bytes, n);
                }
            } catch (IOException | RuntimeException e) {
                key.cancel();
                c.fail(e);
            }
        }
    }

    /** One stream: the HTTP response head, then (chunked) SSE bytes, parsed as they arrive. */
    private final class Client {
        private static final int HEAD = 0;
        private static final int CHUNK_SIZE = 1;
        private static final int CHUNK_DATA = 2;
        private static final int CHUNK_END = 3;
        private static final int PLAIN = 4;

        SocketChannel channel;
        volatile int status;
        volatile boolean closed;
        volatile String why;
        volatile long snapshotSeq = -1;
        volatile long lastSeq = -1;
        volatile int published;
        long[] seqs = new long[64];
        long[] arrivals = new long[64];
        int gaps;
        int repeats;

        private int state = HEAD;
        private final StringBuilder head = new StringBuilder();
        private long chunkLeft;
        /** Inside a chunk-size line's extension, which is skipped up to the line's end. */
        private boolean chunkExtension;
        /** The first bytes of the current SSE line (all that is needed of it) and its length. */
        private final byte[] line = new byte[32];
        private int lineLength;
        private String event;
        private long id = -1;

        void received(byte[] b, int n) throws IOException {
            int i = 0;
            while (i < n) {
                switch (state) {
                    case HEAD -> i = head(b, i, n);
                    case CHUNK_SIZE -> {
                        byte x = b[i++];
                        if (x == '\n') {
                            if (chunkLeft == 0) {
                                throw new IOException("ended by the server (last chunk)");
                            }
                            state = CHUNK_DATA;
                        } else if (x != '\r' && !chunkExtension) {
                            int d = Character.digit(x, 16);
                            if (d < 0) {
                                chunkExtension = true;
                            } else {
                                chunkLeft = chunkLeft * 16 + d;
                            }
                        }
                    }
                    case CHUNK_DATA -> {
                        int take = (int) Math.min(chunkLeft, n - i);
                        sse(b, i, i + take);
                        i += take;
                        chunkLeft -= take;
                        if (chunkLeft == 0) {
                            state = CHUNK_END;
                        }
                    }
                    case CHUNK_END -> {
                        if (b[i++] == '\n') {
                            state = CHUNK_SIZE;
                            chunkExtension = false;
                        }
                    }
                    default -> {
                        sse(b, i, n);
                        i = n;
                    }
                }
            }
        }

        /** Collects the response head; returns where the body starts in {@code b} (or {@code n}). */
        private int head(byte[] b, int i, int n) throws IOException {
            while (i < n) {
                head.append((char) b[i++]);
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    String h = head.toString();
                    status = Integer.parseInt(h.substring(9, 12));
                    if (status != 200) {
                        throw new IOException("HTTP " + status);
                    }
                    state = h.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? CHUNK_SIZE : PLAIN;
                    chunkLeft = 0;
                    chunkExtension = false;
                    return i;
                }
            }
            return i;
        }

        /** SSE bytes: only each line's first bytes are kept; a blank line ends a frame. */
        private void sse(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                byte x = b[i];
                if (x == '\n') {
                    endLine();
                } else if (x != '\r') {
                    if (lineLength < line.length) {
                        line[lineLength] = x;
                    }
                    lineLength++;
                }
            }
        }

        private void endLine() {
            if (lineLength == 0) {
                dispatch();
            } else if (startsWith("event:")) {
                event = value(6);
            } else if (startsWith("id:")) {
                id = Long.parseLong(value(3));
            }
            lineLength = 0;
        }

        private boolean startsWith(String prefix) {
            if (lineLength < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private String value(int from) {
            int start = lineLength > from && line[from] == ' ' ? from + 1 : from;
            return new String(line, start, Math.min(lineLength, line.length) - start, StandardCharsets.US_ASCII);
        }

        private void dispatch() {
            if ("snapshot".equals(event)) {
                lastSeq = id;
                snapshotSeq = id;
            } else if ("seats".equals(event)) {
                long at = nowMicros();
                if (id <= lastSeq) {
                    repeats++;
                } else {
                    gaps += (int) (id - lastSeq - 1);
                    record(id, at);
                    lastSeq = id;
                }
            } else if ("archived".equals(event)) {
                lastSeq = Long.MAX_VALUE;
            }
            event = null;
            id = -1;
        }

        private void record(long seq, long at) {
            int n = published;
            if (n == seqs.length) {
                seqs = Arrays.copyOf(seqs, n * 2);
                arrivals = Arrays.copyOf(arrivals, n * 2);
            }
            seqs[n] = seq;
            arrivals[n] = at;
            published = n + 1; // volatile write after the arrays: a reader of published sees them
        }

        void fail(Exception e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing a failed socket: nothing more to learn
            }
            ended(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }

        /** The first reason wins. */
        void ended(String reason) {
            if (why == null) {
                why = reason;
            }
            closed = true;
        }
    }
}
