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
                steps.add(run.step("broker " + node.nodeId() + " restarted", from) + ", in sync " + inSync.toMillis() + " ms");
            }
            steps.addAll(run.replaceLedgersThenApis("restarted"));
            steps.forEach(st -> System.out.println("[rolling] " + st));
            run.finish();
        }
    }

}
