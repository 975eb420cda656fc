package io.sluice.bench.micro;

import io.sluice.bench.runner.MachineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Merges the output of one or more {@link MicroBenchmarks} runs (run in separate JVMs because of
 * the RocksDB class clash) into one JMH JSON array and one markdown report.
 *
 * <pre>
 * MicroReport --json OUT.json --md OUT.md [--quick] [--load-before L] PREFIX...
 * </pre>
 */
public final class MicroReport {
  private MicroReport() {}

  public static void main(String[] args) throws IOException {
    Path json = null;
    Path md = null;
    boolean quick = false;
    String loadBefore = "unknown";
    List<Path> prefixes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--json" -> json = Path.of(args[++i]);
        case "--md" -> md = Path.of(args[++i]);
        case "--quick" -> quick = true;
        case "--load-before" -> loadBefore = args[++i];
        default -> prefixes.add(Path.of(args[i]));
      }
    }
    if (json == null || md == null || prefixes.isEmpty()) {
      System.err.println(
          "use --json OUT.json --md OUT.md [--quick] [--load-before L] PREFIX... (the --out"
              + " prefixes of MicroBenchmarks runs)");
      System.exit(2);
    }
    List<String> arrays = new ArrayList<>();
    List<MicroResult> results = new ArrayList<>();
    for (Path prefix : prefixes) {
      arrays.add(Files.readString(MicroBenchmarks.jsonOf(prefix)));
      for (String line : Files.readAllLines(MicroBenchmarks.tsvOf(prefix))) {
        results.add(MicroResult.fromTsv(line));
      }
    }
    Files.writeString(json, concatenateJsonArrays(arrays));
    String header =
        header(
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            MachineInfo.current().describe(),
            loadBefore,
            String.format(Locale.ROOT, "%.2f", MachineInfo.loadAverage()),
            quick);
    Files.writeString(md, header + MicroTable.markdown(results) + NOTES);
  }

  /** JMH writes one JSON array per run; the report keeps one array of all benchmarks. */
  static String concatenateJsonArrays(List<String> arrays) {
    List<String> bodies = new ArrayList<>();
    for (String array : arrays) {
      String trimmed = array.strip();
      if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
        throw new IllegalArgumentException("not a JSON array: " + trimmed);
      }
      String body = trimmed.substring(1, trimmed.length() - 1).strip();
      if (!body.isEmpty()) {
        bodies.add(body);
      }
    }
    return "[\n" + String.join(",\n", bodies) + "\n]\n";
  }

  private static String header(
      Instant when, String machine, String loadBefore, String loadAfter, boolean quick) {
    return "# Micro-benchmarks (JMH): Sluice vs Apache Flink 2.3.0\n\n"
        + "Written by `benchmarks/micro.sh"
        + (quick ? " --quick" : "")
        + "` at "
        + when
        + ".\n\n- Machine: "
        + machine
        + "\n- Load average (1 min): "
        + loadBefore
        + " before, "
        + loadAfter
        + " after the runs\n- JMH: throughput mode, one thread, "
        + (quick
            ? "1 fork, 2 warm-up and 3 measured iterations of 1 s"
            : "2 forks, 5 warm-up and 5 measured iterations of 2 s")
        + "; each fork `-Xms1g -Xmx1g -XX:+UseG1GC -XX:+UseTransparentHugePages`\n\n"
        + "On a shared machine scores move by tens of percent from run to run: read the ratios as"
        + " rough unless the load average above is low. `±` is JMH's 99.9% confidence half-width (wide or missing"
        + " with few iterations). Sluice/Flink > 1 means Sluice does more operations per"
        + " second.\n\n";
  }

  private static final String NOTES =
      """

      What each case measures (one operation):

      - `Serializer.bidRecord`: serialize a NEXMark `Bid` record (3 longs, 3 strings, one more \
      long; the first bid of the benchmark stream) into a reused output buffer and deserialize it. \
      Sluice: the serializer `TypeSerializers` derives for the record; Flink: \
      `TypeInformation.of(Bid.class).createSerializer(...)`, Flink's POJO serializer (Flink 2 \
      analyses records as POJOs).
      - `Serializer.bidPojo`: the same fields as a mutable POJO class (Sluice's POJO serializer).
      - `Serializer.long`: a boxed `Long`.
      - `BufferPool.requestRecycle`: request a 32 KiB network buffer and recycle it, one thread. \
      Sluice: the pool of a local result partition (default settings: 10 buffers); Flink: a \
      `LocalBufferPool` of 10 buffers from a `NetworkBufferPool`.
      - `SubpartitionHandOff.emitToConsumerThread` (Sluice only): request a buffer, write a \
      sequence number, emit it to a subpartition; a second thread polls the input gate, checks the \
      number and recycles. The producer blocks when the consumer lags by the whole pool.
      - `HeapState.valueState` / `RocksDbState.valueState`: keyed `ValueState<Long>`, set the \
      next of 100,000 shuffled keys, `value()`, `update(value + 1)`; every key holds a value \
      before measuring. Heap: Sluice's `heap` backend vs Flink's heap keyed backend (what \
      `HashMapStateBackend` creates); RocksDB: Sluice's `rocksdb` backend vs Flink's RocksDB keyed \
      backend, both with a 64 MB memory budget (block cache and memtables), so the 100,000 keys \
      stay in memory. Flink's backends are built with their builders (no task environment); the \
      Flink RocksDB case runs in a JMH run of its own with Flink's RocksDB jar only.
      """;
}
