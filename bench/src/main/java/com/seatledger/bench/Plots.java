package com.seatledger.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
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

    /** Axis labels do not wrap: "explicit holds, 100000 seats" becomes "explicit 100k". */
    static String shortName(String name) {
        return name.replace(", 100000 seats", " 100k").replace(", 500 seats", " 500")
                .replace("one-get-one-put baseline", "1 get + 1 put").replace("hold + release", "hold+rel")
                .replace("best-available holds", "best avail.").replace("explicit holds", "explicit");
    }

    private Plots() {
    }
}
