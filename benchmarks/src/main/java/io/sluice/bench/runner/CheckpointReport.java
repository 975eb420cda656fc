package io.sluice.bench.runner;

import io.sluice.bench.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of several runs of the checkpoint benchmark ({@code CheckpointBenchMain}, one flat
 * JSON object per run) as medians: the Markdown tables of {@code checkpoint.md} and the JSON of
 * {@code checkpoint.json}.
 *
 * @param runs every run's measurements
 * @param header lines that say when, where and how (machine, load, settings), in Markdown
 * @param headerJson the same as a JSON object
 */
record CheckpointReport(
    List<Map<String, Object>> runs, List<String> header, Json.ObjectBuilder headerJson) {
  /**
   * The backends' checkpoint series, in the order the scenario takes them: key, backend, Sluice's
   * format, and the key of Flink's series it is compared with (Flink's non-incremental RocksDB
   * checkpoints are native: it uploads the SST files).
   */
  private static final List<String[]> SERIES =
      List.of(
          new String[] {"heap", "heap", "canonical, full", "heap"},
          new String[] {"rocksdbFull", "RocksDB", "canonical, full", "rocksdbFull"},
          new String[] {"rocksdbNative", "RocksDB", "native, full", "rocksdbFull"},
          new String[] {"rocksdbIncremental", "RocksDB", "incremental", "rocksdbIncremental"});

  private static final List<String[]> SWAPS =
      List.of(
          new String[] {"heapToRocksdb", "heap → RocksDB"},
          new String[] {"rocksdbToNative", "RocksDB → RocksDB (native checkpoints)"},
          new String[] {"rocksdbNativeToIncremental", "RocksDB → RocksDB (incremental on)"},
          new String[] {"rocksdbToHeap", "RocksDB → heap"});

  private static final double MIB = 1024.0 * 1024.0;

  /** The median of {@code key} over the runs that have it, or NaN if none has. */
  double median(String key) {
    List<Double> values = values(key);
    if (values.isEmpty()) {
      return Double.NaN;
    }
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  /** The sorted numeric values of {@code key} over the runs. */
  private List<Double> values(String key) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Object> run : runs) {
      if (run.get(key) instanceof Number number && number.doubleValue() >= 0) {
        values.add(number.doubleValue());
      }
    }
    values.sort(Double::compare);
    return values;
  }

  /** How many checkpoints each backend took (from the first run). */
  private int checkpointsPerBackend() {
    return runs.isEmpty() ? 0 : ((Number) runs.get(0).get("checkpointsPerBackend")).intValue();
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# Checkpoint benchmark\n\n");
    header.forEach(line -> md.append("- ").append(line).append('\n'));
    boolean flink = !Double.isNaN(median("flink.heap.ckpt1.ms"));
    md.append("\n## Checkpoints (medians; duration also min–max)\n\n")
        .append("| backend | checkpoint | Sluice format | duration ms | task thread (sync) ms |")
        .append(" async write ms | size MiB | written MiB |")
        .append(
            flink
                ? " Flink duration ms | Flink sync ms | Flink size MiB | Flink written MiB |"
                : "")
        .append(flink ? " Flink ÷ Sluice duration |" : "")
        .append("\n|---|---|---|---:|---:|---:|---:|---:|")
        .append(flink ? "---:|---:|---:|---:|---:|" : "")
        .append('\n');
    for (String[] series : SERIES) {
      for (int i = 1; i <= checkpointsPerBackend(); i++) {
        String prefix = series[0] + ".ckpt" + i + ".";
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s |",
                series[1],
                i == 1 ? "1st" : i + (i == 2 ? "nd" : i == 3 ? "rd" : "th") + " (after changes)",
                series[2],
                withRange(prefix + "ms"),
                fixed(median(prefix + "syncMs")),
                fixed(median(prefix + "asyncMs")),
                mebibytes(median(prefix + "totalBytes")),
                mebibytes(median(prefix + "writtenBytes"))));
        if (flink) {
          String theirs = "flink." + series[3] + ".ckpt" + i + ".";
          md.append(
              String.format(
                  Locale.ROOT,
                  " %s | %s | %s | %s | %s |",
                  withRange(theirs + "ms"),
                  fixed(median(theirs + "syncMs")),
                  mebibytes(median(theirs + "totalBytes")),
                  mebibytes(median(theirs + "writtenBytes")),
                  ratio(median(theirs + "ms"), median(prefix + "ms"))));
        }
        md.append('\n');
      }
    }
    md.append("\n## Backend swaps of the running job (medians; min–max)\n\n")
        .append("| swap | redeploy ms | until the keyed operator reopened ms | restore ms |")
        .append(" savepoint MiB |\n")
        .append("|---|---:|---:|---:|---:|\n");
    for (String[] swap : SWAPS) {
      String prefix = "swap." + swap[0] + ".";
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |%n",
              swap[1],
              withRange(prefix + "redeployMs"),
              withRange(prefix + "untilOpenMs"),
              fixed(median(prefix + "restoreMs")),
              mebibytes(median(prefix + "savepointBytes"))));
    }
    return md.toString();
  }

  String json() {
    Json.ObjectBuilder medians = Json.object();
    if (!runs.isEmpty()) {
      for (Map.Entry<String, Object> entry : runs.get(0).entrySet()) {
        if (entry.getValue() instanceof Number) {
          double median = median(entry.getKey());
          // Counts and byte sizes stay integers (the median of an even count may end in .5).
          medians.put(
              entry.getKey(), median == Math.rint(median) ? (Object) (long) median : median);
        }
      }
    }
    List<String> written = new ArrayList<>();
    for (Map<String, Object> run : runs) {
      Json.ObjectBuilder object = Json.object();
      run.forEach(object::put);
      written.add(object.toString());
    }
    return Json.object()
            .put("header", headerJson)
            .put("medians", medians)
            .put("runs", Json.array(written))
            .toString()
        + "\n";
  }

  private String withRange(String key) {
    List<Double> values = values(key);
    if (values.isEmpty()) {
      return "–";
    }
    return fixed(median(key))
        + " ("
        + fixed(values.get(0))
        + "–"
        + fixed(values.get(values.size() - 1))
        + ")";
  }

  private static String ratio(double numerator, double denominator) {
    return Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0
        ? "–"
        : String.format(Locale.ROOT, "%.2f", numerator / denominator);
  }

  private static String mebibytes(double bytes) {
    return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.2f", bytes / MIB);
  }

  private static String fixed(double millis) {
    if (Double.isNaN(millis)) {
      return "–";
    }
    return millis >= 100
        ? String.format(Locale.ROOT, "%.0f", millis)
        : String.format(Locale.ROOT, "%.1f", millis);
  }
}
