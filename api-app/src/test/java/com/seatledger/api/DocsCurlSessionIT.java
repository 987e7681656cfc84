package com.seatledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.seatledger.api.config.DevTokens;
import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;

/**
 * docs/api.md's curl session, run as written against the real stack: every command of its shell
 * block, in order, with the tokens and hold ids filled in, must get the answer the page says it
 * gets. A page that drifts from the API fails here, not in a reader's terminal.
 */
class DocsCurlSessionIT {

    static final Path PAGE = Path.of("../docs/api.md");

    /**
     * What each command of the session answers, in order: a status, with the problem's code for a
     * refusal ({@code stream}: an SSE stream, opened and left). The page's comments say the same.
     */
    static final List<String> ANSWERS = List.of("201", "stream", "201", "200", "200", "stream", "200", "200", "200",
            "200", "201", "204", "200", "200", "200", "200", "200", "200", "200", "200", "409 CHANNEL_RESTRICTED", "201",
            "200", "200", "422 NOT_ENOUGH_SEATS", "200");

    static ApiStack stack;
    static String api;

    @BeforeAll
    static void start() throws Exception {
        stack = new ApiStack();
        api = stack.startApi().url();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theCurlSessionOfApiMdAnswersAsThePageSays() throws Exception {
        assertThat(PAGE).as("the page, read from the repository").exists();
        List<List<String>> commands = session(Files.readString(PAGE));
        assertThat(commands).as("curl commands in api.md's session").hasSameSizeAs(ANSWERS);
        Map<String, String> vars = new HashMap<>(Map.of(
                "$API", api,
                "$ADMIN", DevTokens.mint(ApiStack.SECRET, "boxoffice", List.of("admin"), Duration.ofHours(1)),
                "$ALICE", DevTokens.mint(ApiStack.SECRET, "alice", List.of(), Duration.ofHours(1)),
                "$FAN", DevTokens.mint(ApiStack.SECRET, "fan", List.of(), List.of("fanclub"), Duration.ofHours(1))));
        for (int i = 0; i < commands.size(); i++) {
            Curl curl = Curl.of(commands.get(i), vars);
            String said = ANSWERS.get(i);
            if (said.equals("stream")) {
                HttpResponse<InputStream> r = Http.CLIENT.send(curl.request(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream stream = r.body()) {
                    assertThat(r.statusCode()).as(curl.toString()).isEqualTo(200);
                    assertThat(r.headers().firstValue("content-type")).as(curl.toString()).hasValueSatisfying(
                            t -> assertThat(t).startsWith("text/event-stream"));
                }
                continue;
            }
            HttpResponse<String> r = Http.CLIENT.send(curl.request(), HttpResponse.BodyHandlers.ofString());
            String[] expected = said.split(" ");
            assertThat(r.statusCode()).as(curl + " answered " + r.body()).isEqualTo(Integer.parseInt(expected[0]));
            JsonNode body = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
            if (expected.length > 1) {
                assertThat(body.path("code").asString()).as(curl.toString()).isEqualTo(expected[1]);
            }
            if (curl.url().endsWith("/holds") && r.statusCode() == 201) {
                // the hold ids the page's later commands name by placeholder
                String holdId = body.path("holdId").asString();
                vars.putIfAbsent("<holdId>", holdId);
                if (body.path("seatIds").toString().equals("[\"B-1\"]")) {
                    vars.put("<holdId of B-1>", holdId);
                }
            }
        }
    }

    /**
     * The curl commands of the page's "A curl session" shell block, each as its shell words: quotes
     * keep words (and the JSON bodies' line breaks) together, a backslash before a line break goes
     * on, a {@code #} starts a comment, {@code <...>} is one placeholder.
     */
    static List<List<String>> session(String page) {
        String from = page.substring(page.indexOf("## A curl session"));
        int open = from.indexOf("```sh") + 5;
        String block = from.substring(open, from.indexOf("```", open));
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\\' && i + 1 < block.length() && block.charAt(i + 1) == '\n') {
                i++;
            } else if (c == '#' && !inWord) {
                while (i + 1 < block.length() && block.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '<') {
                // a placeholder such as <holdId of B-1>, spaces and all
                int close = block.indexOf('>', i);
                w.append(block, i, close + 1);
                i = close;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                if (c == '\n') {
                    if (!words.isEmpty() && words.getFirst().equals("curl")) {
                        commands.add(List.copyOf(words));
                    }
                    words.clear();
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        return commands;
    }

    /** The parts of a curl command the session uses: -X, -H, -d, -s, -N and the URL. */
    record Curl(String method, String url, List<String> headers, String data) {

        static Curl of(List<String> words, Map<String, String> vars) {
            String method = null;
            String url = null;
            String data = null;
            List<String> headers = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                String w = fill(words.get(i), vars);
                switch (w) {
                    case "-s", "-N" -> {
                    }
                    case "-X" -> method = words.get(++i);
                    case "-H" -> headers.add(fill(words.get(++i), vars));
                    case "-d" -> data = words.get(++i);
                    default -> url = w;
                }
            }
            return new Curl(method != null ? method : data != null ? "POST" : "GET", url, headers, data);
        }

        private static String fill(String word, Map<String, String> vars) {
            String w = word;
            for (Map.Entry<String, String> v : vars.entrySet()) {
                w = w.replace(v.getKey(), v.getValue());
            }
            assertThat(w).as("a placeholder the session has not filled yet").doesNotContain("<holdId");
            return w;
        }

        HttpRequest request() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            for (String h : headers) {
                int colon = h.indexOf(':');
                b.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
            }
            b.method(method, data == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(data));
            return b.build();
        }

        @Override
        public String toString() {
            return method + " " + url.replace(api, "$API") + (data == null ? "" : " " + data);
        }
    }

}
