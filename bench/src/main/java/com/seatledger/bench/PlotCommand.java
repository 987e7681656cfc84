package com.seatledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.seatledger.topics.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Redraws every chart from the JSON results in the output folder, without measuring again. */
@Command(name = "plot", mixinStandardHelpOptions = true, description = "Redraw the PNG charts from the saved results.")
final class PlotCommand implements Callable<Integer> {

    @Mixin
    Bench.Common common = new Bench.Common();

    @Override
    public Integer call() throws Exception {
        Path throughput = common.out.resolve("throughput.json");
        if (Files.exists(throughput)) {
            Plots.throughput(Json.MAPPER.readValue(throughput.toFile(), ThroughputCommand.Report.class),
                    common.out.resolve("throughput.png"));
            System.out.println("redrew " + common.out.resolve("throughput.png"));
        }
        Path latency = common.out.resolve("latency.json");
        if (Files.exists(latency)) {
            Plots.latency(Json.MAPPER.readValue(latency.toFile(), LatencyCommand.Report.class),
                    common.out.resolve("latency.png"));
            System.out.println("redrew " + common.out.resolve("latency.png"));
        }
        Path sse = common.out.resolve("sse.json");
        if (Files.exists(sse)) {
            Plots.sse(Json.MAPPER.readValue(sse.toFile(), SseFanoutCommand.Report.class), common.out.resolve("sse.png"));
            System.out.println("redrew " + common.out.resolve("sse.png"));
        }
        return 0;
    }
}
