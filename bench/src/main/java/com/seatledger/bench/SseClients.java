package com.seatledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * Many seat-map clients in one JVM: non-blocking HTTP/1.1 streams (a few JDK HttpClients, one
 * selector thread each) whose lines are parsed as SSE. Each client notes the arrival time of every
 * {@code seats} event and checks the ids: a lower or equal id is a repeat, a skipped id a gap (the
 * bench's changes are all holds, so every seq changes seats).
 */
final class SseClients implements AutoCloseable {

    private static final int HTTP_CLIENTS = 4;

    /** What a step's deliveries came to. */
    record Tally(long deliveries, long gaps, long repeats, long closed) {
    }

    private final URI uri;
    private final List<HttpClient> https = new ArrayList<>();
    private final List<Client> clients = new ArrayList<>();
    private final long epochMicros0;
    private final long nanos0 = System.nanoTime();

    SseClients(URI uri) {
        this.uri = uri;
        Instant now = Instant.now();
        this.epochMicros0 = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
        for (int i = 0; i < HTTP_CLIENTS; i++) {
            // generous: in a 10,000-client storm on two cores these clients' own selector threads lag
            // (30 s timed out up to 1,330 connects while the kernel counted no listen overflow and no
            // SYN retransmit: the server had accepted them)
            https.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(120)).build());
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
        HttpRequest req = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
        https.get(clients.size() % HTTP_CLIENTS).sendAsync(req, info -> {
            c.status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(c);
        }).whenComplete((r, e) -> c.ended(e == null ? "ended by the server (HTTP " + c.status + ")" : reason(e)));
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Why clients closed (connection refused, timed out, ended by the server, ...), with how many each. */
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
        // Java 17's HttpClient cannot be closed: cancelling each body closes its connection
        clients.forEach(Client::cancel);
    }

    /** One stream; its lines arrive one at a time, in order, from the HttpClient. */
    private final class Client implements Flow.Subscriber<String> {
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
        private String event;
        private long id = -1;
        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                dispatch();
            } else if (line.startsWith("event:")) {
                event = value(line, 6);
            } else if (line.startsWith("id:")) {
                id = Long.parseLong(value(line, 3));
            }
        }

        private String value(String line, int from) {
            return line.substring(line.length() > from && line.charAt(from) == ' ' ? from + 1 : from);
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
            }
            event = null;
            id = -1;
        }

        private void record(long seq, long at) {
            int n = published;
            if (n == seqs.length) {
                seqs = java.util.Arrays.copyOf(seqs, n * 2);
                arrivals = java.util.Arrays.copyOf(arrivals, n * 2);
            }
            seqs[n] = seq;
            arrivals[n] = at;
            published = n + 1; // volatile write after the arrays: a reader of published sees them
        }

        /** The first reason wins: the body's error or end comes before the request's completion. */
        void ended(String reason) {
            if (why == null) {
                why = reason;
            }
            closed = true;
        }

        @Override
        public void onError(Throwable t) {
            ended(reason(t));
        }

        @Override
        public void onComplete() {
            ended("ended by the server (HTTP " + status + ")");
        }
    }
}
