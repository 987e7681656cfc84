package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.seatledger.harness.Jars;
import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.Command;

/**
 * A rolling upgrade from the previous release ({@code releases.txt}) to this build, under load, as
 * docs/upgrading.md tells operators to do it: two ledger instances with a standby of each other's
 * tasks and two api-app instances of the previous release on a broker, the crash-loop load and REST
 * buyers running; each ledger instance in turn stopped and started from the new jars on its state
 * folder, then each api-app. Afterwards: every check of the other scenarios (nothing accepted lost or
 * doubled, REST answered only decisions or 503 + Retry-After), commands sent before the upgrade
 * answer as duplicates with their original results when retried, and long holds and orders made
 * through the previous release are in the new ledger (extended and refunded through the new api-app).
 */
class UpgradeIT {

    private static final String KEPT_SHOW = "kept-show";
    private static final int KEPT = 8;

    @Test
    void upgradingEachInstanceInTurnUnderLoadLosesNothing() throws Exception {
        Jars previous = PreviousRelease.jars();
        try (ClusterRun run = new ClusterRun("upgrade", 28592, 1, previous)) {
            System.out.printf("[upgrade] running release %s: %s%n", previous.version(), info(run, 0));
            Rest old = run.s.rest(0);
            String admin = Tokens.token("upgrade-admin", "admin");
            Stack.createShow(run.base(0), KEPT_SHOW, FaultEnv.hall(2, 10));
            List<String> holds = new ArrayList<>();
            for (int i = 0; i < KEPT; i++) {
                Rest.Answer a = old.post("/api/shows/" + KEPT_SHOW + "/holds", keeper(i), "kept-" + i,
                        Json.MAPPER.writeValueAsString(Map.of("seatIds", List.of("A-" + (i + 1)), "ttlSeconds", 1800)));
                assertThat(a.status()).as(a.body()).isEqualTo(201);
                holds.add(a.json().get("holdId").asString());
            }
            for (int i = 0; i < KEPT / 2; i++) {
                Rest.Answer a = old.post("/api/holds/" + holds.get(i) + "/confirm", keeper(i), "confirm-" + i,
                        "{\"orderId\":\"kept-order-" + i + "\"}");
                assertThat(a.status()).as(a.body()).isEqualTo(200);
            }
            run.awaitDecisions(200, "load decided on release " + previous.version());
            Map<String, Command> sentBefore = run.s.load.commands();

            run.replaceLedgersThenApis("upgraded").forEach(st -> System.out.println("[upgrade] " + st));
            String now = info(run, 0);
            System.out.printf("[upgrade] now running: %s%n", now);

            // retried after the upgrade, what the previous release decided answers as a duplicate of it
            // (Audit: every further result of a command equals its first, marked duplicate)
            run.s.load.resend(sentBefore.values().stream().limit(500).toList());

            Rest upgraded = run.s.rest(1);
            for (int i = 0; i < KEPT / 2; i++) {
                Rest.Answer refund = upgraded.post("/api/shows/" + KEPT_SHOW + "/orders/kept-order-" + i + "/cancel",
                        admin, "refund-" + i, null);
                assertThat(refund.status()).as("order kept-order-%d refunded by the new release: %s", i, refund.body())
                        .isEqualTo(200);
            }
            for (int i = KEPT / 2; i < KEPT; i++) {
                Rest.Answer extend = upgraded.post("/api/holds/" + holds.get(i) + "/extend", keeper(i), "extend-" + i,
                        "{\"ttlSeconds\":600}");
                assertThat(extend.status()).as("hold %s extended by the new release: %s", holds.get(i), extend.body())
                        .isEqualTo(200);
                assertThat(extend.json().get("status").asString()).isEqualTo("ACTIVE");
            }
            for (int i = KEPT / 2; i < KEPT; i++) {
                Rest.Answer release = upgraded.delete("/api/holds/" + holds.get(i), keeper(i), "release-" + i);
                assertThat(release.status()).as(release.body()).isEqualTo(204);
            }
            run.finish();
        }
    }

    private static String keeper(int i) {
        return Tokens.token("keeper-" + i);
    }

    /** The build an api-app instance names in /actuator/info. */
    private static String info(ClusterRun run, int api) throws Exception {
        Rest.Answer a = run.s.rest(api).get("/actuator/info", null);
        return a.status() == 200 && a.json().has("build") ? a.json().get("build").get("version").asString()
                : "(no build info: " + a.status() + ")";
    }
}
