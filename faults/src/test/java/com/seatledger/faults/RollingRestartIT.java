package com.seatledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.seatledger.harness.LocalBroker;

/**
 * An operator's rolling restart under load, as an upgrade would do it: each broker in turn
 * (SIGTERM, start, wait until it is in sync again), then each ledger instance (its standby takes
 * over), then each api-app instance (the load balancer sends its requests to the other). Every
 * step's REST answers are counted by class; the run ends with every scenario's checks.
 */
class RollingRestartIT {

    @Test
    void restartingEveryProcessInTurnLosesNothing() throws Exception {
        try (ClusterRun run = new ClusterRun("rolling", 28392)) {
            List<String> steps = new ArrayList<>();
            for (LocalBroker node : run.s.stack.brokers.nodes()) {
                long from = System.currentTimeMillis();
                node.stop();
                node.start();
                Duration inSync = run.awaitInSync(node);
                run.awaitDecisions(100, "load decided after restarting broker " + node.nodeId());
                steps.add(step("broker " + node.nodeId(), run, from) + ", in sync " + inSync.toMillis() + " ms");
            }
            for (int i = 0; i < 2; i++) {
                long from = System.currentTimeMillis();
                run.ledgers[i].stop();
                run.ledgers[i] = run.s.ledger(i, ClusterRun.LEDGER_ARGS).awaitHealthy(Duration.ofSeconds(180));
                run.awaitDecisions(100, "load decided after restarting ledger " + i);
                steps.add(step("ledger " + i, run, from));
            }
            for (int i = 0; i < 2; i++) {
                long from = System.currentTimeMillis();
                run.apis[i].stop();
                run.apis[i] = run.s.api(i).awaitHealthy(Duration.ofSeconds(180));
                run.awaitDecisions(100, "load decided after restarting api " + i);
                steps.add(step("api " + i, run, from));
            }
            steps.forEach(st -> System.out.println("[rolling] " + st));
            run.finish();
        }
    }

    private static String step(String what, ClusterRun run, long from) {
        long to = System.currentTimeMillis();
        return String.format("%s restarted in %d ms; REST answers meanwhile: %s", what, to - from,
                run.answerClasses(from, to));
    }

}
