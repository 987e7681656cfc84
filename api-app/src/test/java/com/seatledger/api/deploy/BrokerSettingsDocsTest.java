package com.seatledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The broker settings the local stack and the tests run with (one copy:
 * harness/src/main/resources/broker/*.properties) are the ones docs/operations.md gives operators,
 * value for value, so the page cannot drift from what is tested.
 */
class BrokerSettingsDocsTest {

    /** Local conveniences with no bearing on production (topics are created with their own partitions). */
    private static final Set<String> LOCAL_ONLY = Set.of("num.partitions", "group.initial.rebalance.delay.ms");

    @Test
    void everyBrokerSettingOfTheLocalStackIsInOperationsMdWithItsValue() throws IOException {
        List<String> rows = Files.readAllLines(DockerComposeTest.ROOT.resolve("docs/operations.md")).stream()
                .filter(l -> l.startsWith("| `")).toList();
        for (String file : List.of("node", "cluster")) {
            Properties settings = load(DockerComposeTest.ROOT.resolve("harness/src/main/resources/broker/" + file + ".properties"));
            assertThat(settings).as(file).isNotEmpty();
            settings.forEach((key, value) -> {
                if (LOCAL_ONLY.contains(key.toString())) {
                    return;
                }
                String row = rows.stream().filter(r -> r.split("\\|")[1].contains("`" + key + "`")).findFirst()
                        .orElseThrow(() -> new AssertionError(key + " (" + file + ".properties) has no row in operations.md"));
                assertThat(row.split("\\|")[2]).as("operations.md's value of " + key).contains(value.toString());
            });
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }
}
