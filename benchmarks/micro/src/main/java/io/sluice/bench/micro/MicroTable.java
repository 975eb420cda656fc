package io.sluice.bench.micro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pairs each Sluice benchmark with its Flink counterpart and renders the pairs as a markdown table.
 *
 * <p>Pairing is by name (every benchmark method starts with the engine it measures): drop a leading
 * {@code Sluice}/{@code Flink} and the trailing {@code Benchmark} from the class name, and a
 * leading {@code sluice}/{@code flink} from the method name. So {@code
 * SerializerBenchmark.sluiceLong} pairs with {@code SerializerBenchmark.flinkLong}, and {@code
 * SluiceRocksDbStateBenchmark.sluiceValueState} with {@code
 * FlinkRocksDbStateBenchmark.flinkValueState}, both as case {@code RocksDbState.valueState}.
 */
final class MicroTable {
  private MicroTable() {}

  /** A case with the result of either engine, null where an engine has no such benchmark. */
  record Row(String name, MicroResult sluice, MicroResult flink) {}

  /** The cases in the order their first result appears. */
  static List<Row> pair(List<MicroResult> results) {
    Map<String, MicroResult[]> byCase = new LinkedHashMap<>();
    for (MicroResult result : results) {
      Engine engine = Engine.of(result.methodName());
      MicroResult[] pair =
          byCase.computeIfAbsent(caseName(result, engine), k -> new MicroResult[2]);
      pair[engine == Engine.SLUICE ? 0 : 1] = result;
    }
    List<Row> rows = new ArrayList<>();
    byCase.forEach((name, pair) -> rows.add(new Row(name, pair[0], pair[1])));
    return rows;
  }

  static String markdown(List<MicroResult> results) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| case | Sluice ops/s | Flink ops/s | Sluice ns/op | Flink ns/op | Sluice/Flink |\n");
    md.append("|---|---:|---:|---:|---:|---:|\n");
    for (Row row : pair(results)) {
      md.append("| `")
          .append(row.name())
          .append("` | ")
          .append(opsPerSecond(row.sluice()))
          .append(" | ")
          .append(opsPerSecond(row.flink()))
          .append(" | ")
          .append(nanosPerOp(row.sluice()))
          .append(" | ")
          .append(nanosPerOp(row.flink()))
          .append(" | ")
          .append(ratio(row))
          .append(" |\n");
    }
    return md.toString();
  }

  private static String caseName(MicroResult result, Engine engine) {
    String type = result.className();
    for (String prefix : List.of("Sluice", "Flink")) {
      if (type.startsWith(prefix)) {
        type = type.substring(prefix.length());
      }
    }
    type = type.endsWith("Benchmark") ? type.substring(0, type.length() - 9) : type;
    String method = result.methodName();
    String rest = method.substring(engine.prefix.length());
    return type + "." + Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  private static String opsPerSecond(MicroResult result) {
    if (result == null) {
      return "–";
    }
    String score = String.format(Locale.ROOT, "%,.0f", result.score());
    return Double.isNaN(result.error())
        ? score
        : score + String.format(Locale.ROOT, " ± %,.0f", result.error());
  }

  private static String nanosPerOp(MicroResult result) {
    return result == null ? "–" : String.format(Locale.ROOT, "%,.1f", 1e9 / result.score());
  }

  private static String ratio(Row row) {
    return row.sluice() == null || row.flink() == null
        ? "–"
        : String.format(Locale.ROOT, "%.2fx", row.sluice().score() / row.flink().score());
  }

  /** Which engine a benchmark method measures, by its name's prefix. */
  private enum Engine {
    SLUICE("sluice"),
    FLINK("flink");

    final String prefix;

    Engine(String prefix) {
      this.prefix = prefix;
    }

    static Engine of(String method) {
      if (method.startsWith(SLUICE.prefix)) {
        return SLUICE;
      }
      if (method.startsWith(FLINK.prefix)) {
        return FLINK;
      }
      throw new IllegalArgumentException(
          "benchmark methods are named sluice... or flink... after the engine they measure: "
              + method);
    }
  }
}
