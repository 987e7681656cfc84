package com.seatledger.ledger.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The Kafka Streams settings ledger-app ships ({@code spring.kafka.streams.properties} of
 * {@code ledger-streams.yml}, which its application.yml imports; each environment placeholder at its
 * default), for code that runs the ledger's topology without Spring: the bench and the api-app's test
 * stack start from exactly these, so a tuned value is written once.
 */
public final class ShippedStreamsSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}");

    private ShippedStreamsSettings() {
    }

    public static Properties load() {
        try (InputStream in = ShippedStreamsSettings.class.getResourceAsStream("/ledger-streams.yml")) {
            if (in == null) {
                throw new IllegalStateException("ledger-streams.yml is not on the classpath");
            }
            Map<String, Object> streams = streams(new Yaml().load(in));
            if (streams == null) {
                throw new IllegalStateException("ledger-streams.yml has no spring.kafka.streams.properties");
            }
            Properties p = new Properties();
            streams.forEach((key, value) -> p.put(key, resolve(String.valueOf(value))));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ${SEATLEDGER_X:50}} -> 50: the value when the environment does not set it. */
    static String resolve(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    /** spring.kafka.streams.properties, or null when the file has none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> streams(Map<String, Object> yml) {
        Object node = yml;
        for (String key : new String[] {"spring", "kafka", "streams", "properties"}) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node instanceof Map ? (Map<String, Object>) node : null;
    }
}
