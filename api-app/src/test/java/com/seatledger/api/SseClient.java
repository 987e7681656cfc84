package com.seatledger.api;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;

/** Reads an SSE stream on a background thread into a list of events (and comments). */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data, Long retry) {
        JsonNode json() {
            return Json.MAPPER.readTree(data);
        }
    }

    final int status;
    final String raw;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private volatile boolean ended;

    SseClient(String url, String lastEventIdHeader) {
        this(url, lastEventIdHeader, null);
    }

    /** {@code forwardedFor}: the client address a (trusted, local) proxy would name in X-Forwarded-For. */
    SseClient(String url, String lastEventIdHeader, String forwardedFor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventIdHeader != null) {
            b.header("Last-Event-ID", lastEventIdHeader);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<InputStream> r = Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = r.statusCode();
            body = r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (status != 200) {
            try (InputStream in = body) {
                raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            ended = true;
            return;
        }
        raw = null;
        Thread t = new Thread(this::read, "sse-client");
        t.setDaemon(true);
        t.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            Long retry = null;
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString(), retry));
                    }
                    id = null;
                    name = null;
                    retry = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("retry:")) {
                    retry = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("data:")) {
                    String d = line.substring(5);
                    d = d.startsWith(" ") ? d.substring(1) : d;
                    data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
                }
            }
        } catch (Exception closed) {
            // the test or the server closed the stream
        } finally {
            ended = true;
        }
    }

    boolean ended() {
        return ended;
    }

    List<Event> named(String name) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (name.equals(e.name())) {
                out.add(e);
            }
        }
        return out;
    }

    Event awaitEvent(Predicate<Event> p) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> events.stream().filter(p).findFirst().orElse(null), e -> e != null);
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
