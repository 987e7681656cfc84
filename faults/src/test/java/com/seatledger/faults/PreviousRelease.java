package com.seatledger.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.seatledger.harness.Jars;
import com.seatledger.harness.KafkaClients;

/**
 * The newest release in {@code releases.txt} (version, commit, date), built from its recorded commit
 * in a git worktree of this repository under {@code faults/target/releases/}: the jars an upgrade
 * starts from. Built once per commit; later runs reuse the jars.
 */
final class PreviousRelease {

    record Release(String version, String commit) {
    }

    private PreviousRelease() {
    }

    static Release newest() throws IOException {
        List<String> lines = Files.readAllLines(FaultEnv.root().resolve("releases.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("releases.txt lists no release");
        }
        String[] f = lines.getLast().trim().split("\\s+");
        return new Release(f[0], f[1]);
    }

    static Jars jars() throws Exception {
        Release r = newest();
        Path root = FaultEnv.root().toAbsolutePath().normalize();
        Path dir = root.resolve("faults/target/releases/" + r.version());
        Path src = dir.resolve("src");
        Path built = dir.resolve("built-" + r.commit());
        Jars jars = Jars.built(r.version(), src, false);
        if (Files.exists(built) && Files.exists(jars.ledger()) && Files.exists(jars.api())) {
            return jars;
        }
        Files.createDirectories(dir);
        Path log = dir.resolve("build.log");
        if (run(root, log, "git", "cat-file", "-e", r.commit() + "^{commit}") != 0) {
            throw new IllegalStateException("release " + r.version() + "'s commit " + r.commit()
                    + " is not in this clone (a shallow clone? git fetch --unshallow)");
        }
        KafkaClients.deleteTree(src);
        run(root, log, "git", "worktree", "prune");
        check(run(root, log, "git", "worktree", "add", "--force", "--detach", src.toString(), r.commit()), log);
        System.out.printf("[upgrade] building release %s from %s (log: %s)%n", r.version(), r.commit(), log);
        check(run(src, log, "mvn", "-B", "-q", "package", "-DskipTests", "-pl", "ledger-app,api-app", "-am"), log);
        Files.writeString(built, r.version() + " " + r.commit() + "\n");
        return jars;
    }

    private static void check(int exit, Path log) {
        if (exit != 0) {
            throw new IllegalStateException("building the previous release failed (exit " + exit + "); see " + log);
        }
    }

    private static int run(Path dir, Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the release is built with the JDK these tests run on
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start().waitFor();
    }
}
