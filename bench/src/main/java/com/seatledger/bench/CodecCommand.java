package com.seatledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import com.seatledger.ledger.core.CodecRace;
import com.seatledger.topics.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The ledger's store format against Protocol Buffers on the same records (docs/performance.md,
 * "Store format"): what every accepted hold writes (a journal entry and an idempotency record) and
 * a large show's checkpoint, each written and read back into the ledger's objects. No broker.
 */
@Command(name = "codec", mixinStandardHelpOptions = true,
        description = "The ledger's stored records: its own format vs Protocol Buffers, ns per write and read, bytes.")
final class CodecCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "10", description = "measured rounds per record (the best counts)")
    int rounds;

    @Option(names = "--out", defaultValue = "docs/perf", description = "where codec.json goes")
    Path out;

    record Report(Instant at, String machine, List<CodecRace.Row> rows) {
    }

    @Override
    public Integer call() throws Exception {
        List<CodecRace.Row> rows = CodecRace.run(rounds);
        CodecRace.describe(rows).forEach((what, numbers) -> System.out.println(what + ": " + numbers));
        Files.createDirectories(out);
        Files.write(out.resolve("codec.json"), Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new Report(Instant.now(), Machine.here().toString(), rows)));
        return 0;
    }
}
