package com.seatledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live objects of another JVM by class, from {@code jcmd <pid> GC.class_histogram} (which runs a
 * full GC first, so only reachable objects count). Two of them, subtracted, say what a change such
 * as opening N connections cost and in which classes.
 */
record HeapHistogram(Map<String, Long> bytesByClass) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(.+)$");

    static HeapHistogram of(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed: " + out);
        }
        Map<String, Long> bytes = new HashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                bytes.merge(m.group(2).trim(), Long.parseLong(m.group(1)), Long::sum);
            }
        }
        return new HeapHistogram(bytes);
    }

    long totalBytes() {
        return bytesByClass.values().stream().mapToLong(Long::longValue).sum();
    }

    HeapHistogram minus(HeapHistogram earlier) {
        Map<String, Long> d = new HashMap<>(bytesByClass);
        earlier.bytesByClass.forEach((k, v) -> d.merge(k, -v, Long::sum));
        return new HeapHistogram(d);
    }

    /** The classes that grew most, as "bytes per unit  class" lines. */
    List<String> top(int n, int units) {
        List<String> out = new ArrayList<>();
        bytesByClass.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(n).forEach(e -> out.add(String.format("%,9.0f B  %s", e.getValue() / (double) units, e.getKey())));
        return out;
    }
}
