package com.seatledger.bench;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Seat Ledger's benchmark: {@code bin/bench <scenario>}. Results and plots go to docs/perf/. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = { ThroughputCommand.class, FootprintCommand.class, CodecCommand.class, LatencyCommand.class, ReadinessCommand.class, SseFanoutCommand.class, SpikeCommand.class, PlotCommand.class },
        description = "Measures Seat Ledger against its performance targets (docs/performance.md) on a real local Kafka broker it starts itself.")
public final class Bench {

    /** ledger-app's default {@code commit.interval.ms} (application.yml): every scenario measures it unless told otherwise. */
    static final String SHIPPED_COMMIT_INTERVAL_MS = "50";
    static final int SHIPPED_COMMIT_INTERVAL = Integer.parseInt(SHIPPED_COMMIT_INTERVAL_MS);

    /** Options every scenario shares. */
    static class Common {
        @Option(names = "--out", defaultValue = "docs/perf", description = "results (JSON) and plots (PNG) folder; default ${DEFAULT-VALUE}")
        Path out;

        @Option(names = "--work", defaultValue = "var/bench", description = "broker data and state folder; default ${DEFAULT-VALUE}")
        Path work;

        @Option(names = "--broker-port", defaultValue = "19092", description = "port of the broker the bench starts; default ${DEFAULT-VALUE}")
        int brokerPort;

        /** The Kafka broker's classpath (bin/bench resolves it from bin/local-kafka). */
        String kafkaClasspath() {
            String cp = System.getProperty("bench.kafka.classpath");
            if (cp == null || cp.isBlank()) {
                throw new CommandLine.ParameterException(new CommandLine(new Bench()),
                        "no broker classpath: run through bin/bench, which sets -Dbench.kafka.classpath");
            }
            return cp;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }
}
