package com.seatledger.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.seatledger.harness.Stack;

/**
 * The api-app's own command timers over one bench step, read from its Prometheus histograms before
 * and after: how much of a REST hold's latency was the ledger's answer reaching the api-app, and how
 * much its view catching up (read-your-writes). Percentiles come from the histogram's buckets, so
 * they are upper bounds within one bucket (~10 %).
 */
final class ApiTimers {

    private static final String[] TIMERS = {"seatledger_command_reply_seconds", "seatledger_command_view_wait_seconds"};
    private static final Pattern BUCKET = Pattern.compile("^(\\w+)_bucket\\{.*le=\"([^\"]+)\".*} (\\S+)$");

    private final String api;
    /** timer -> upper bound in seconds -> cumulative count */
    private final Map<String, TreeMap<Double, Double>> before;

    ApiTimers(String api) {
        this.api = api;
        this.before = scrape();
    }

    /** "reply p50 x ms, p99 y ms; of which view wait p50 ..., p99 ..." for what happened since construction. */
    String sinceStart() {
        Map<String, TreeMap<Double, Double>> after = scrape();
        StringBuilder out = new StringBuilder("api-app timers over the step:");
        for (String t : TIMERS) {
            TreeMap<Double, Double> a = after.getOrDefault(t, new TreeMap<>());
            TreeMap<Double, Double> b = before.getOrDefault(t, new TreeMap<>());
            TreeMap<Double, Double> delta = new TreeMap<>();
            a.forEach((le, n) -> delta.put(le, n - b.getOrDefault(le, 0.0)));
            out.append(String.format(" %s p50 %s, p99 %s;", t.replace("seatledger_command_", "").replace("_seconds", ""),
                    quantile(delta, 0.5), quantile(delta, 0.99)));
        }
        return out.toString();
    }

    private static String quantile(TreeMap<Double, Double> cumulative, double q) {
        double total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        if (total <= 0) {
            return "-";
        }
        for (var e : cumulative.entrySet()) {
            if (e.getValue() >= q * total) {
                return e.getKey().isInfinite() ? "> max" : String.format("<= %.1f ms", e.getKey() * 1000);
            }
        }
        return "-";
    }

    private Map<String, TreeMap<Double, Double>> scrape() {
        Map<String, TreeMap<Double, Double>> out = new TreeMap<>();
        try {
            String text = Stack.HTTP.send(HttpRequest.newBuilder(URI.create(api + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                Matcher m = BUCKET.matcher(line);
                if (m.matches()) {
                    double le = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
                    out.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(le, Double.parseDouble(m.group(3)));
                }
            }
        } catch (Exception e) {
            // diagnostics only: a bench step does not fail because the metrics could not be read
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return out;
    }
}
