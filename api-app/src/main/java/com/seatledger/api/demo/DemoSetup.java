package com.seatledger.api.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.seatledger.api.config.DevTokens;
import com.seatledger.api.web.HttpJson;

/**
 * Seeds the local stack (bin/seat-ledger): creates the demo theatre through the REST API as an
 * admin, then prints seat-map URLs carrying dev tokens for two buyers and the admin. Safe to run
 * again: the same Idempotency-Key returns the original answer, and an older show is 409 SHOW_EXISTS.
 */
public final class DemoSetup {

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DemoSetup <api base url> <jwt secret>");
            System.exit(2);
        }
        String base = args[0];
        String secret = args[1];
        String admin = DevTokens.mint(secret, "boxoffice", List.of("admin"), Duration.ofHours(12));
        seed(base, admin);
        System.out.println("seat map, buyer 'alice':  " + pageUrl(base, secret, "alice"));
        System.out.println("seat map, buyer 'bob':    " + pageUrl(base, secret, "bob"));
        System.out.println("seat map, fan-club buyer 'carol' (presale): " + pageUrl(base,
                DevTokens.mint(secret, "carol", List.of(), List.of(DemoTheatre.FAN_CLUB), Duration.ofHours(12))));
        System.out.println("box office, admin:        " + pageUrl(base, admin));
        System.out.println("admin token 'boxoffice':  " + admin);
    }

    private static String pageUrl(String base, String secret, String buyer) {
        return pageUrl(base, DevTokens.mint(secret, buyer, List.of(), Duration.ofHours(12)));
    }

    /** The seat map with {@code token}: in the fragment, which the page keeps in session storage and the server never logs. */
    private static String pageUrl(String base, String token) {
        return base + "/?show=" + DemoTheatre.SHOW_ID + "#token=" + token;
    }

    private static void seed(String base, String adminToken) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/api/shows"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "seed-" + DemoTheatre.SHOW_ID)
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofByteArray(HttpJson.MAPPER.writeValueAsBytes(DemoTheatre.show())))
                .build();
        Instant giveUp = Instant.now().plus(DEADLINE);
        HttpRequest existing = HttpRequest.newBuilder(URI.create(base + "/api/shows/" + DemoTheatre.SHOW_ID)).GET().build();
        while (true) {
            // a show kept from an earlier run (perhaps seeded by an older demo) is left as it is
            if (http.send(existing, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                System.out.println("demo show '" + DemoTheatre.SHOW_ID + "' already exists (kept from an earlier run)");
                return;
            }
            HttpResponse<String> res = http.send(create, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 201) {
                System.out.println("demo show '" + DemoTheatre.SHOW_ID + "' ready: 2,000 seats (PREMIUM, STANDARD, BALCONY) and 200 standing places; a fan-club presale (circle rows A-B, 50 standing places), wheelchair spaces with companions (stalls row Y), a restricted-view row (balcony row M)");
                return;
            }
            if (res.statusCode() == 409) {
                System.out.println("demo show '" + DemoTheatre.SHOW_ID + "' already exists (kept from an earlier run)");
                return;
            }
            // 503: the ledger is still joining its group and restoring state; the same key makes the retry safe
            if (res.statusCode() != 503 || Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("creating the demo show failed: " + res.statusCode() + " " + res.body());
            }
            System.out.println("ledger not answering yet (503), retrying");
            Thread.sleep(2000);
        }
    }

    private DemoSetup() {
    }
}
