package com.seatledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.seatledger.api.command.Admission;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/** The handler in a real Jetty, in front of a servlet context as the api-app's server has it. */
class AdmissionHandlerTest {

    /** two commands in flight at most */
    private static final Admission.Settings TWO = new Admission.Settings(true, 2, 2, 2, Duration.ofSeconds(5),
            Duration.ofSeconds(5));

    private final Admission admission = new Admission(TWO, System::nanoTime);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    /** the ticket each command that reached the servlet found on its request */
    private final List<Object> tickets = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                if (!"GET".equals(req.getMethod())) {
                    tickets.add(req.getAttribute(AdmissionHandler.TICKET));
                }
                if (req.getRequestURI().endsWith("/slow")) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                // nothing here closes the ticket: the handler must, when the exchange ends
                res.setStatus(req.getRequestURI().endsWith("/missing") ? 404 : 200);
            }
        }), "/*");
        server.setHandler(new AdmissionHandler(context, admission, new AdmissionRefusals(registry)));
        server.start();
        base = "http://localhost:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
        client.close();
    }

    @Test
    void refusesCommandsBeyondTheBoundBeforeTheServletAndLetsReadsThrough() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("POST", "/api/shows/s1/slow");
        CompletableFuture<HttpResponse<String>> second = send("DELETE", "/api/holds/h1/slow");
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.inFlight() == 2 && tickets.size() == 2);

        HttpResponse<String> refused = send("POST", "/api/shows/s1/holds").get(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).isIn("1", "2"));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = HttpJson.MAPPER.readTree(refused.body());
        assertThat(problem.path("code").asString()).isEqualTo("LEDGER_UNAVAILABLE");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(tickets).as("the refused command never reached the servlet").hasSize(2);
        assertThat(registry.counter("seatledger.admission.refused", "reason", "LIMIT").count()).isEqualTo(1);

        assertThat(send("GET", "/api/shows/s1").get(10, TimeUnit.SECONDS).statusCode()).as("reads are not admitted")
                .isEqualTo(200);
        assertThat(send("POST", "/actuator/refresh").get(10, TimeUnit.SECONDS).statusCode())
                .as("only commands under /api/").isEqualTo(200);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(tickets.subList(0, 2)).allSatisfy(t -> assertThat(t).isInstanceOf(Admission.Ticket.class));
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.inFlight() == 0);
        assertThat(send("POST", "/api/shows/s1/holds").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void everyAdmittedCommandFreesItsSlotWhateverItsAnswer() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send("POST", "/api/shows/s1/missing").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
            assertThat(send("POST", "/api/shows/s1/holds").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.inFlight() == 0);
        assertThat(tickets).hasSize(10).doesNotContainNull();
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String path) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
