package com.seatledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.seatledger.bench.StreamsRun.Measured;
import com.seatledger.harness.KafkaClients;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.SeatStatus;

/**
 * The same commands as conditional {@code UPDATE}s on a PostgreSQL server of this machine, the
 * comparison the ledger's throughput target asks to report beside its floors. One connection (the
 * ledger decides a hot show on one stream thread), a transaction committed every commit interval
 * with {@code synchronous_commit} on (the ledger's results are visible only once its transaction
 * commits), and per command: an idempotency row ({@code INSERT ... ON CONFLICT DO NOTHING}), then
 * a hold as one all-or-nothing {@code UPDATE ... WHERE status = 'A'} of its seats, a confirm,
 * release or extension as an {@code UPDATE} of the hold's seats. What it leaves out, in Postgres's
 * favour: a best-available hold updates the seats the ledger chose (no search), and there are no
 * holder limits, orphan rules, events or results to write. A server of its own in a fresh folder,
 * on its own port; none when PostgreSQL's {@code initdb}/{@code pg_ctl} are not installed.
 */
final class PostgresRun implements AutoCloseable {

    private static final List<Path> BIN_DIRS = List.of(Path.of("/usr/local/bin"), Path.of("/usr/bin"),
            Path.of("/usr/lib/postgresql/15/bin"), Path.of("/usr/lib/postgresql/16/bin"),
            Path.of("/usr/lib/postgresql/17/bin"));

    private final Path bin;
    private final Path data;
    private final int port;

    private PostgresRun(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** A server started in a new folder, or empty (with the reason printed) when there is none to start. */
    static Optional<PostgresRun> start(int port) {
        Optional<Path> bin = BIN_DIRS.stream().filter(d -> Files.isExecutable(d.resolve("pg_ctl"))
                && Files.isExecutable(d.resolve("initdb"))).findFirst();
        if (bin.isEmpty()) {
            System.out.println("postgres: no initdb/pg_ctl found; the PostgreSQL comparison is left out");
            return Optional.empty();
        }
        Path data = null;
        try {
            data = Files.createTempDirectory("seatledger-pg");
            if (root()) {
                // the server refuses to run as root: as the postgres user of the distribution's package
                sh("chown postgres:postgres " + data);
            }
            PostgresRun pg = new PostgresRun(bin.get(), data, port);
            pg.asServerUser(bin.get().resolve("initdb") + " -D " + data + " -A trust -U postgres --no-sync -E UTF8");
            pg.asServerUser(bin.get().resolve("pg_ctl") + " -D " + data + " -l " + data.resolve("server.log")
                    + " -w -o '-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c synchronous_commit=on'"
                    + " start");
            System.out.println("postgres up on 127.0.0.1:" + port + " (" + bin.get() + ")");
            return Optional.of(pg);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.out.println("postgres: could not start a server (" + e.getMessage() + "); the comparison is left out");
            if (data != null) {
                KafkaClients.deleteTree(data);
            }
            return Optional.empty();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void asServerUser(String command) throws IOException, InterruptedException {
        sh(root() ? "su postgres -s /bin/sh -c \"" + command + "\"" : command);
    }

    private static void sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(command + " failed: " + out.strip());
        }
    }

    /** The workload's commands after its CREATE, timed; its seats loaded first, untimed. */
    Measured run(Workloads.Workload w, int commitIntervalMs) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                "")) {
            load(c, w);
            c.setAutoCommit(false);
            Decisions d = new Decisions(c);
            List<Command> commands = w.commands();
            long started = System.nanoTime();
            long lastCommit = started;
            long commitNanos = TimeUnit.MILLISECONDS.toNanos(commitIntervalMs);
            for (int i = 1; i < commands.size(); i++) {
                d.decide(commands.get(i), w.expected().get(i));
                long now = System.nanoTime();
                if (now - lastCommit >= commitNanos) {
                    c.commit();
                    lastCommit = now;
                }
            }
            c.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            long mismatches = mismatches(c, w);
            int n = commands.size() - 1;
            String name = "PostgreSQL conditional UPDATEs";
            System.out.printf("%s: %.0f /s (%d seats whose final status differs from the ledger's)%n", name,
                    n / seconds, mismatches);
            return new Measured(name, n, seconds, n / seconds, 0, null);
        }
    }

    private static void load(Connection c, Workloads.Workload w) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS seat, processed");
            s.execute("CREATE TABLE seat (seat_id text PRIMARY KEY, status char(1) NOT NULL, hold_id text,"
                    + " order_id text, expires_at timestamptz)");
            s.execute("CREATE INDEX seat_hold ON seat (hold_id)");
            s.execute("CREATE TABLE processed (command_id text PRIMARY KEY)");
        }
        CreateShow create = (CreateShow) w.commands().get(0);
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO seat (seat_id, status) VALUES (?, 'A')")) {
            for (var seat : create.seats()) {
                p.setString(1, seat.seatId());
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE seat");
        }
    }

    /** The prepared statements of one connection, one per kind of command. */
    private static final class Decisions {
        private final Connection c;
        private final PreparedStatement seen;
        private final PreparedStatement hold;
        private final PreparedStatement confirm;
        private final PreparedStatement release;
        private final PreparedStatement extend;

        Decisions(Connection c) throws SQLException {
            this.c = c;
            seen = c.prepareStatement("INSERT INTO processed VALUES (?) ON CONFLICT DO NOTHING");
            // all or nothing in one statement: the seats are taken only if every one of them is available
            hold = c.prepareStatement("UPDATE seat SET status = 'H', hold_id = ?, expires_at = ? WHERE seat_id = ANY (?)"
                    + " AND status = 'A' AND (SELECT count(*) FROM seat WHERE seat_id = ANY (?) AND status = 'A') = ?");
            confirm = c.prepareStatement("UPDATE seat SET status = 'S', order_id = ? WHERE hold_id = ? AND status = 'H'");
            release = c.prepareStatement("UPDATE seat SET status = 'A', hold_id = NULL, expires_at = NULL"
                    + " WHERE hold_id = ? AND status = 'H'");
            extend = c.prepareStatement("UPDATE seat SET expires_at = ? WHERE hold_id = ? AND status = 'H'");
        }

        void decide(Command command, CommandResult expected) throws SQLException {
            seen.setString(1, command.commandId());
            if (seen.executeUpdate() == 0) {
                return; // a retry: its first answer stands
            }
            Instant at = command.issuedAt() == null ? Instant.now() : command.issuedAt();
            switch (command) {
                case HoldSeats h -> {
                    List<String> seats = h.seatIds() != null && !h.seatIds().isEmpty() ? h.seatIds()
                            : expected.hold() != null ? expected.hold().seatIds() : List.of();
                    if (seats.isEmpty()) {
                        return;
                    }
                    Array ids = c.createArrayOf("text", seats.toArray());
                    hold.setString(1, h.holdId());
                    hold.setTimestamp(2, Timestamp.from(at.plusSeconds(h.ttlSeconds() == null ? 600 : h.ttlSeconds())));
                    hold.setArray(3, ids);
                    hold.setArray(4, ids);
                    hold.setInt(5, seats.size());
                    hold.executeUpdate();
                }
                case ConfirmHold k -> {
                    confirm.setString(1, k.orderId());
                    confirm.setString(2, k.holdId());
                    confirm.executeUpdate();
                }
                case ReleaseHold r -> {
                    release.setString(1, r.holdId());
                    release.executeUpdate();
                }
                case ExtendHold e -> {
                    extend.setTimestamp(1, Timestamp.from(at.plusSeconds(e.ttlSeconds() == null ? 600 : e.ttlSeconds())));
                    extend.setString(2, e.holdId());
                    extend.executeUpdate();
                }
                default -> {
                    // the on-sale mix has no other kinds
                }
            }
        }
    }

    /** Seats whose final status differs from the ledger's (holder limits and the like are not modelled). */
    private static long mismatches(Connection c, Workloads.Workload w) throws SQLException {
        Map<String, SeatStatus> db = new HashMap<>(w.finalSeats().size() * 2);
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT seat_id, status FROM seat")) {
            while (rs.next()) {
                db.put(rs.getString(1), switch (rs.getString(2)) {
                    case "H" -> SeatStatus.HELD;
                    case "S" -> SeatStatus.SOLD;
                    default -> SeatStatus.AVAILABLE;
                });
            }
        }
        return w.finalSeats().entrySet().stream().filter(e -> db.get(e.getKey()) != e.getValue()).count();
    }

    @Override
    public void close() {
        try {
            asServerUser(bin.resolve("pg_ctl") + " -D " + data + " -m fast -w stop");
        } catch (IOException | InterruptedException e) {
            System.out.println("postgres: stop failed (" + e.getMessage() + ")");
        }
        KafkaClients.deleteTree(data);
    }
}
