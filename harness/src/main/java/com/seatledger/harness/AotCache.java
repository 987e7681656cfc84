package com.seatledger.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an app jar the way {@code bin/seat-ledger} does: from Spring Boot's extracted layout with a
 * JDK AOT cache (JEP 483/514/515: classes loaded and linked ahead of time, and method profiles).
 * Once a broker's classpath is known ({@link #trainWith}), both apps' caches come from one training
 * run under a command load ({@link AotTraining}); otherwise from a run that stops right after the
 * application context is refreshed (classes only). Start-up is most of the time a restarted
 * ledger takes to decide again, and warm-up most of a new instance's first seconds under load.
 * The caches live beside the jars ({@code target/aot/}) and are made again when a jar is newer; when
 * one cannot be made the plain jar runs, with a log line. {@code -Dharness.aot=false} turns it off,
 * {@code -Dharness.aot.training=refresh} trains without load (to measure the difference).
 */
final class AotCache {

    static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("harness.aot", "true"));
    static final boolean UNDER_LOAD = !"refresh".equals(System.getProperty("harness.aot.training", "load"));
    /** the apps a training run under load starts together, by jar name */
    static final List<String> APPS = List.of("ledger-app", "api-app");

    /**
     * Compile each method the cache holds a training profile for as soon as its class is
     * initialised, at the level it reached in training, instead of after thousands of interpreted
     * calls under the first buyers' load (JDK 25, experimental; bin/lib/aot.sh passes the same).
     */
    static final List<String> EAGER = Boolean.parseBoolean(System.getProperty("harness.aot.eager", "true"))
            ? List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+AOTCompileEagerly")
            : List.of(); // -Dharness.aot.eager=false: to measure what it does

    private static volatile String kafkaClasspath;

    /**
     * The broker a training run under load starts, and the training itself when the apps under
     * {@code root} with the product's JVM flags have no fresh caches: called by {@link Stack#start}
     * before its own broker starts. Trained while a test's broker already ran, that broker sat a
     * minute and a half beside a saturated machine, and twice in seven runs the ledger started after
     * it never left REBALANCING.
     */
    static synchronized void trainWith(String classpath, Path root) {
        kafkaClasspath = classpath;
        if (!ENABLED) {
            return;
        }
        List<Layout> apps = apps(root, AppProcess.PRODUCT_JVM_FLAGS);
        try {
            if (apps.stream().allMatch(a -> Files.exists(a.jar())) && !(apps.get(0).fresh() && apps.get(1).fresh())) {
                trainUnderLoad(apps.get(0).jar(), AppProcess.PRODUCT_JVM_FLAGS);
            }
        } catch (IOException e) {
            System.out.printf("[harness] no AOT training under load before the broker (%s)%n", e.getMessage());
        }
    }

    private AotCache() {
    }

    /**
     * The JVM arguments that run {@code jar}: {@code -XX:AOTCache=... -jar <extracted>} or {@code -jar <jar>}.
     * A cache is only accepted by a JVM with the flags it was made with (collector, object headers),
     * so there is one per set of {@code flags}.
     */
    static synchronized List<String> launch(Path jar, List<String> jvmFlags, List<String> trainingArgs) {
        // collector and header switches decide whether a cache fits; recordings and heap sizes do not
        List<String> flags = jvmFlags.stream().filter(f -> f.matches("-XX:[+-]Use\\w+")).toList();
        if (!ENABLED) {
            return List.of("-jar", jar.toString());
        }
        Layout here = new Layout(jar, flags);
        Path dir = here.dir();
        Path extracted = here.extracted();
        Path cache = here.cache();
        Path failed = dir.resolve("FAILED");
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            if (Files.exists(failed) && Files.getLastModifiedTime(failed).compareTo(built) >= 0) {
                return List.of("-jar", jar.toString()); // this jar's training run failed once: no retry per start
            }
            if (!here.fresh()) {
                if (!trainUnderLoad(jar, flags)) {
                    make(jar, dir, extracted, cache, flags, trainingArgs);
                }
            }
            List<String> args = new ArrayList<>(List.of("-XX:AOTCache=" + cache));
            args.addAll(EAGER);
            Path natives = dir.resolve("native");
            if (Files.isDirectory(natives)) {
                // (not --enable-native-access: a module option the training run lacked disables the cache)
                args.add("-Djava.library.path=" + natives);
            }
            args.addAll(List.of("-jar", extracted.toString()));
            return args;
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.out.printf("[harness] no AOT cache for %s (%s); running the plain jar%n", jar, e.getMessage());
            try {
                Files.writeString(failed, String.valueOf(e.getMessage()));
            } catch (IOException ignored) {
                // nothing to remember it in: the next start tries again
            }
            return List.of("-jar", jar.toString());
        }
    }

    /** Where one app's extracted layout and cache live, per set of JVM flags. */
    record Layout(Path jar, Path dir, Path extracted, Path cache) {
        Layout(Path jar, List<String> flags) {
            this(jar, jar.toAbsolutePath().normalize().getParent().resolve("aot").resolve(jar.getFileName().toString()
                    .replaceFirst("\\.jar$", "") + "-" + Integer.toHexString(String.join(" ", flags).hashCode())));
        }

        /** {@code dir/<jar name>} extracted and {@code dir/<app>.aot}, as bin/lib/aot.sh lays them out. */
        Layout(Path jar, Path dir) {
            this(jar, dir, dir.resolve(jar.getFileName()),
                    dir.resolve(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".aot"));
        }

        boolean fresh() throws IOException {
            return Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        }
    }

    /** The layouts of both apps of the project at {@code root} ({@code <app>/target/<app>.jar}), ledger first. */
    private static List<Layout> apps(Path root, List<String> flags) {
        return APPS.stream().map(a -> new Layout(root.toAbsolutePath().normalize().resolve(a).resolve("target")
                .resolve(a + ".jar"), flags)).toList();
    }

    /**
     * Both apps' caches from one training run under load, when a broker's classpath is known and
     * both jars are built (they sit side by side in the project): true when they were made.
     */
    private static boolean trainUnderLoad(Path jar, List<String> flags) throws IOException {
        Path root = jar.toAbsolutePath().normalize().getParent().getParent().getParent();
        List<Layout> apps = apps(root, flags);
        if (!UNDER_LOAD || kafkaClasspath == null || !apps.stream().allMatch(a -> Files.exists(a.jar()))
                || !apps.stream().map(Layout::jar).toList().contains(jar.toAbsolutePath().normalize())) {
            return false;
        }
        try {
            trainUnderLoad(kafkaClasspath, root.resolve("target").resolve("aot-training"), flags, apps.get(0), apps.get(1));
            return true;
        } catch (Exception e) {
            System.out.printf("[harness] no AOT training under load (%s); training without load%n", e.getMessage());
            return false;
        }
    }

    /**
     * Extracts both jars into their layouts' folders and trains them together under load
     * ({@link AotTraining}); {@code work} holds the training's broker while it runs.
     */
    static void trainUnderLoad(String kafkaClasspath, Path work, List<String> flags, Layout ledger, Layout api)
            throws Exception {
        long t0 = System.nanoTime();
        for (Layout a : List.of(ledger, api)) {
            deleteRecursively(a.dir());
            Files.createDirectories(a.dir());
            run(a.dir().resolve("training.log"), "-Djarmode=tools", "-jar", a.jar().toString(), "extract",
                    "--destination", a.dir().toString(), "--force");
            unpackRocksDb(a.dir());
        }
        AotTraining.train(kafkaClasspath, work, flags,
                new AotTraining.App(ledger.extracted(), ledger.cache(), ledger.dir().resolve("training.log")),
                new AotTraining.App(api.extracted(), api.cache(), api.dir().resolve("training.log")));
        System.out.printf("[harness] AOT caches of both apps trained under load in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void make(Path jar, Path dir, Path extracted, Path cache, List<String> flags,
            List<String> trainingArgs) throws IOException, InterruptedException {
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path log = dir.resolve("training.log");
        run(log, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.toString(), "--force");
        unpackRocksDb(dir);
        List<String> training = new ArrayList<>(flags);
        training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                extracted.toString()));
        training.addAll(trainingArgs);
        run(log, training.toArray(String[]::new));
        if (!Files.exists(cache)) {
            throw new IOException("the training run wrote no cache; see " + log);
        }
    }

    /**
     * RocksDB's native library for this platform, unpacked once beside the cache: otherwise every
     * start copies ~15 MB out of the jar to a temporary file before the first store opens (~0.2 s
     * idle, more on a busy restart). RocksDB tries {@code java.library.path} first and falls back
     * to its jar, so a library that does not load here costs nothing.
     */
    private static void unpackRocksDb(Path dir) throws IOException {
        String os = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        if (!os.equals("Linux-amd64")) {
            return;
        }
        String library = "librocksdbjni-linux64.so";
        try (var jars = Files.newDirectoryStream(dir.resolve("lib"), "rocksdbjni-*.jar")) {
            for (Path jar : jars) {
                try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                    var entry = zip.getEntry(library);
                    if (entry != null) {
                        Files.createDirectories(dir.resolve("native"));
                        try (var in = zip.getInputStream(entry)) {
                            Files.copy(in, dir.resolve("native").resolve(library));
                        }
                    }
                }
            }
        }
    }

    private static void run(Path log, String... args) throws IOException, InterruptedException {
        Process p = ChildJvm.start("aot-training", List.of(args), log);
        if (!p.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("training run did not end within 2 minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + "; see " + log);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
