package com.seatledger.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler;

/** PNG charts drawn from the bench's own JSON results (XChart, no display needed). */
final class Plots {

    static void throughput(ThroughputCommand.Report r, Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520)
                .title("Decisions/s on one partition, exactly_once_v2, commit.interval.ms=" + r.commitIntervalMs())
                .xAxisTitle("run").yAxisTitle("records / s").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> names = r.runs().stream().map(m -> shortName(m.name())).toList();
        List<Double> rates = r.runs().stream().map(m -> (double) Math.round(m.perSecond())).toList();
        chart.addSeries("records/s", names, rates);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static void latency(LatencyCommand.Report r, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(520)
                .title("REST hold to 201 beside the bare EOS request/reply floor, open model, exactly_once_v2")
                .xAxisTitle("offered holds / s").yAxisTitle("latency ms (log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        for (int commit : r.points().stream().map(LatencyCommand.Point::commitIntervalMs).distinct().toList()) {
            List<LatencyCommand.Point> ps = r.points().stream().filter(p -> p.commitIntervalMs() == commit).toList();
            List<Integer> x = ps.stream().map(LatencyCommand.Point::offeredPerSecond).toList();
            chart.addSeries("p50, commit " + commit + " ms", x, ps.stream().map(p -> Math.max(0.1, p.p50())).toList());
            chart.addSeries("p99, commit " + commit + " ms", x, ps.stream().map(p -> Math.max(0.1, p.p99())).toList());
            chart.addSeries("bare EOS floor p99, commit " + commit + " ms", x,
                    ps.stream().map(p -> Math.max(0.1, p.floorP99())).toList());
            chart.addSeries("1.5 x floor p99, commit " + commit + " ms", x,
                    ps.stream().map(p -> Math.max(0.1, 1.5 * p.floorP99())).toList()).setMarker(SeriesMarkers.NONE);
        }
        List<Integer> all = r.points().stream().map(LatencyCommand.Point::offeredPerSecond).distinct().sorted().toList();
        chart.addSeries("target p99 50 ms", all, all.stream().map(x -> 50.0).toList()).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static void sse(SseFanoutCommand.Report r, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(520)
                .title("SSE fan-out: ledger acceptance to delta at every client, one api-app, " + r.changesPerSecond()
                        + " changes/s")
                .xAxisTitle("concurrent seat-map clients").yAxisTitle("ms").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        List<Integer> x = r.steps().stream().map(SseFanoutCommand.Step::clients).toList();
        chart.addSeries("p50", x, r.steps().stream().map(SseFanoutCommand.Step::p50).toList());
        chart.addSeries("p99", x, r.steps().stream().map(SseFanoutCommand.Step::p99).toList());
        chart.addSeries("target p99 500 ms", x, x.stream().map(c -> 500.0).toList()).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** The first offered rate whose p99 is over the limit, as text. */
    static String firstRateOver(LatencyCommand.Report r, int commit, double limitMs) {
        return r.points().stream().filter(p -> p.commitIntervalMs() == commit && p.p99() > limitMs).findFirst()
                .map(p -> p.offeredPerSecond() + " holds/s").orElse("none of the offered rates");
    }

    /** Axis labels do not wrap: "explicit holds, 100000 seats" becomes "explicit 100k". */
    static String shortName(String name) {
        return name.replace(", 100000 seats", " 100k").replace(", 500 seats", " 500")
                .replace("one-get-one-put baseline", "1 get + 1 put").replace("hold + release", "hold+rel")
                .replace("best-available holds", "best avail.").replace("explicit holds", "explicit");
    }

    private Plots() {
    }
}
