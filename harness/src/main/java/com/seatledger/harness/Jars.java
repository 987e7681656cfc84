package com.seatledger.harness;

import java.nio.file.Path;

/**
 * Which build of the apps to run: this project's own (with its AOT caches, {@link AotCache}) or
 * another release's jars, run as they are (a cache is trained per build; an old release is only
 * started a few times).
 */
public record Jars(String version, Path ledger, Path api, boolean aot) {

    /** The jars {@code mvn package} builds under {@code root}. */
    public static Jars built(String version, Path root, boolean aot) {
        return new Jars(version, root.resolve("ledger-app/target/ledger-app.jar"),
                root.resolve("api-app/target/api-app.jar"), aot);
    }
}
