package com.seatledger.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Utils;

import com.seatledger.harness.KafkaClients;
import com.seatledger.harness.Stack;
import com.seatledger.topics.message.SeatDef;

/** Where the fault tests find the jars, the broker's classpath and their scratch folder (set by the faults pom). */
final class FaultEnv {

    static Path root() {
        return Path.of(System.getProperty("seatledger.root", ".."));
    }

    static Path work(String scenario) {
        return Path.of(System.getProperty("seatledger.work", "target/faults")).resolve(scenario).toAbsolutePath();
    }

    static String brokerClasspath() throws IOException {
        return Files.readString(Path.of(System.getProperty("seatledger.broker.classpath.file",
                "target/broker.classpath"))).trim();
    }

    /** A fresh cluster of {@code brokers} nodes for one scenario, topics created with {@code partitions} partitions. */
    static Stack stack(String scenario, int brokerPort, int partitions, int brokers) throws Exception {
        // a previous run's ledger state would not match the fresh broker's changelogs
        KafkaClients.deleteTree(work(scenario));
        return Stack.start(brokerClasspath(), root(), work(scenario), brokerPort, partitions, brokers);
    }

    /**
     * {@code count} show ids on {@code count} distinct partitions (the default partitioner's murmur2),
     * so killing one ledger instance takes known shows with it.
     */
    static List<String> showsOnDistinctPartitions(String prefix, int count, int partitions) {
        List<String> shows = new ArrayList<>();
        boolean[] used = new boolean[partitions];
        for (int i = 0; shows.size() < count; i++) {
            String id = prefix + "-" + i;
            int p = partitionOf(id, partitions);
            if (!used[p]) {
                used[p] = true;
                shows.add(id);
            }
        }
        return shows;
    }

    static int partitionOf(String showId, int partitions) {
        return Utils.toPositive(Utils.murmur2(showId.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    /** A small hall: {@code rows} rows of {@code perRow} seats in one category, so buyers collide. */
    static List<SeatDef> hall(int rows, int perRow) {
        List<SeatDef> seats = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String row = String.valueOf((char) ('A' + r));
            for (int n = 1; n <= perRow; n++) {
                seats.add(new SeatDef(row + "-" + n, "Hall", row, n, "STANDARD"));
            }
        }
        return seats;
    }

    private FaultEnv() {
    }
}
