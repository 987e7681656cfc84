package com.seatledger.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.SeatDef;

import tools.jackson.databind.JsonNode;

/**
 * The orders service against the real product: a KRaft broker, ledger-app.jar and api-app.jar as
 * child processes (the harness), the orders service in this JVM. A buyer holds seats through the
 * API and orders them here; the simulated payment confirms the hold, or the hold expires first;
 * a retried payment sells once; the box office's cancel refunds; a restart keeps every order.
 */
class OrdersServiceIT {

    static final String SHOW = "orders-show";
    static Stack stack;
    static ConfigurableApplicationContext orders;

    final String alice = Tokens.token("alice");

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.forIntegrationTest(27092, 3);
        stack.startLedger(100);
        stack.startApi();
        List<SeatDef> seats = new ArrayList<>();
        for (String row : List.of("A", "B", "C")) {
            for (int n = 1; n <= 10; n++) {
                seats.add(new SeatDef(row + "-" + n, "Hall", row, n, "STANDARD"));
            }
        }
        stack.createShow(SHOW, seats);
        orders = startOrders();
    }

    static ConfigurableApplicationContext startOrders() {
        return new SpringApplicationBuilder(OrdersApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + stack.bootstrap(), "--orders.api=" + stack.api(),
                "--orders.api-token=" + Tokens.token("orders-service", "admin"), "--orders.payment-delay=1s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (orders != null) {
            orders.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void paidInTimeTooLateRetriedRefundedAndKeptAcrossARestart() throws Exception {
        // paid in time: the order is confirmed and its seats are sold
        String paidHold = hold(Map.of("seatIds", List.of("A-1", "A-2")));
        JsonNode paid = order(paidHold, 1, alice);
        assertThat(paid.path("status").asString()).isEqualTo("PENDING");
        String paidId = paid.path("orderId").asString();
        awaitStatus(paidId, "CONFIRMED");
        assertThat(seat("A-1")).isEqualTo("SOLD");
        assertThat(seat("A-2")).isEqualTo("SOLD");

        // too late: the hold expires before the payment; the order expires and the seat is free
        String lateHold = hold(Map.of("seatIds", List.of("B-1"), "ttlSeconds", 2));
        String lateId = order(lateHold, 60, alice).path("orderId").asString();
        awaitStatus(lateId, "EXPIRED");
        assertThat(seat("B-1")).isEqualTo("AVAILABLE");
        assertThat(call("POST", ordersUrl() + "/orders/" + lateId + "/pay", null, null).path("status").asString())
                .as("a payment after the expiry sells nothing").isEqualTo("EXPIRED");
        assertThat(seat("B-1")).isEqualTo("AVAILABLE");

        // the payment provider retries: the same Idempotency-Key, one sale
        long seq = show().path("seq").asLong();
        JsonNode again = call("POST", ordersUrl() + "/orders/" + paidId + "/pay", null, null);
        assertThat(again.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(show().path("seq").asLong()).as("no second CONFIRM").isEqualTo(seq);

        // someone else's hold cannot be ordered
        String bobsHold = hold(Map.of("seatIds", List.of("C-1")), Tokens.token("bob"));
        HttpResponse<String> refused = send("POST", ordersUrl() + "/orders",
                Map.of("showId", SHOW, "holdId", bobsHold), alice);
        assertThat(refused.statusCode()).isEqualTo(403);

        // the box office cancels the order: the service learns it from seat-status
        JsonNode cancel = call("POST", stack.api() + "/api/shows/" + SHOW + "/orders/" + paidId + "/cancel", null,
                Tokens.token("boxoffice", "admin"));
        assertThat(cancel).isNotNull();
        awaitStatus(paidId, "REFUNDED");

        // a restart keeps every order (the journal topic) and follows seat-status from where it stopped
        orders.close();
        orders = startOrders();
        assertThat(status(paidId)).isEqualTo("REFUNDED");
        assertThat(status(lateId)).isEqualTo("EXPIRED");
        String afterRestart = hold(Map.of("seatIds", List.of("C-5"), "ttlSeconds", 2));
        awaitStatus(order(afterRestart, 60, alice).path("orderId").asString(), "EXPIRED");
    }

    String hold(Map<String, Object> body) throws Exception {
        return hold(body, alice);
    }

    String hold(Map<String, Object> body, String token) throws Exception {
        return call("POST", stack.api() + "/api/shows/" + SHOW + "/holds", body, token).path("holdId").asString();
    }

    JsonNode order(String holdId, int paymentDelaySeconds, String token) throws Exception {
        return call("POST", ordersUrl() + "/orders",
                Map.of("showId", SHOW, "holdId", holdId, "paymentDelaySeconds", paymentDelaySeconds), token);
    }

    void awaitStatus(String orderId, String status) {
        await(orderId + " " + status).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(orderId).equals(status));
    }

    String status(String orderId) throws Exception {
        return call("GET", ordersUrl() + "/orders/" + orderId, null, null).path("status").asString();
    }

    JsonNode show() throws Exception {
        return call("GET", stack.api() + "/api/shows/" + SHOW, null, null);
    }

    String seat(String seatId) throws Exception {
        for (JsonNode s : show().path("seats")) {
            if (s.path("seatId").asString().equals(seatId)) {
                return s.path("status").asString();
            }
        }
        return null;
    }

    static String ordersUrl() {
        return "http://localhost:" + orders.getEnvironment().getProperty("local.server.port");
    }

    static JsonNode call(String method, String url, Object body, String token) throws Exception {
        HttpResponse<String> r = send(method, url, body, token);
        assertThat(r.statusCode()).as(method + " " + url + ": " + r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
    }

    static HttpResponse<String> send(String method, String url, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return Stack.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
