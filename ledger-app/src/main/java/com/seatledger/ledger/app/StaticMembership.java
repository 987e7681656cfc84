package com.seatledger.ledger.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The ledger's {@code group.instance.id} (Kafka static membership). With it, an instance restarted
 * after a crash takes its old place in the consumer group at once, instead of the group first
 * waiting out the dead member's session: restart-to-deciding becomes start-up time only.
 *
 * <p>It must be stable across restarts of one instance and unique among instances. Unset, it is
 * derived from the host name and the absolute state directory: both survive a restart, and two
 * instances can never share a state directory (Kafka Streams locks it). Containers whose host name
 * changes on every start should set it explicitly (a StatefulSet pod name is ideal).
 * {@code none} turns static membership off.
 */
final class StaticMembership {

    static final String OFF = "none";

    private StaticMembership() {
    }

    static Optional<String> instanceId(String configured, Path stateDir) {
        if (configured != null && !configured.isBlank()) {
            return OFF.equalsIgnoreCase(configured.trim()) ? Optional.empty() : Optional.of(configured.trim());
        }
        return Optional.of(derived(hostName(), stateDir));
    }

    static String derived(String host, Path stateDir) {
        CRC32 crc = new CRC32();
        crc.update(stateDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        String safeHost = host.replaceAll("[^A-Za-z0-9._-]", "-");
        return "ledger-" + safeHost + "-" + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
