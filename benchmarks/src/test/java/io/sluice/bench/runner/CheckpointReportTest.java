package io.sluice.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.common.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointReportTest {
  private static Map<String, Object> run(double heapMillis, long heapBytes, double swapMillis) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("checkpointsPerBackend", 1L);
    run.put("heap.ckpt1.ms", heapMillis);
    run.put("heap.ckpt1.syncMs", 10.0);
    run.put("heap.ckpt1.asyncMs", -1.0); // not measured: left out of the median
    run.put("heap.ckpt1.totalBytes", heapBytes);
    run.put("heap.ckpt1.writtenBytes", heapBytes);
    run.put("swap.heapToRocksdb.redeployMs", swapMillis);
    return run;
  }

  private static CheckpointReport report(List<Map<String, Object>> runs) {
    return new CheckpointReport(runs, List.of("When: now"), Json.object().put("runs", runs.size()));
  }

  @Test
  void mediansOfAnOddAndAnEvenNumberOfRuns() {
    CheckpointReport three =
        report(List.of(run(300, 3 << 20, 5), run(100, 1 << 20, 7), run(200, 2 << 20, 6)));
    CheckpointReport two = report(List.of(run(300, 3 << 20, 5), run(100, 1 << 20, 8)));

    assertThat(three.median("heap.ckpt1.ms")).isEqualTo(200.0);
    assertThat(two.median("heap.ckpt1.ms")).isEqualTo(200.0);
    assertThat(two.median("swap.heapToRocksdb.redeployMs")).isEqualTo(6.5);
    assertThat(three.median("heap.ckpt1.asyncMs")).isNaN();
    assertThat(three.median("no.such.key")).isNaN();
  }

  @Test
  void theMarkdownShowsMediansRangesAndMebibytes() {
    String md =
        report(List.of(run(300, 3 << 20, 5), run(100, 1 << 20, 7), run(200, 2 << 20, 6)))
            .markdown();

    assertThat(md)
        .contains("- When: now")
        .contains("| heap | 1st | canonical, full | 200 (100–300) | 10.0 | – | 2.00 | 2.00 |")
        .contains("| heap → RocksDB | 6.0 (5.0–7.0) | – | – | – |");
  }

  @Test
  void theJsonHoldsTheHeaderMediansAndEveryRun() {
    String json = report(List.of(run(300, 3 << 20, 5), run(100, 1 << 20, 7))).json();

    assertThat(json)
        .contains("\"header\":{\"runs\":2}")
        .contains("\"heap.ckpt1.ms\":200,")
        .contains("\"heap.ckpt1.totalBytes\":3145728,");
  }

  @Test
  void flinkColumnsAndTheDurationRatioAppearWhenFlinkWasMeasured() {
    Map<String, Object> withFlink = run(200, 2 << 20, 6);
    withFlink.put("flink.heap.ckpt1.ms", 500.0);
    withFlink.put("flink.heap.ckpt1.syncMs", 3.0);
    withFlink.put("flink.heap.ckpt1.totalBytes", 1L << 20);
    withFlink.put("flink.heap.ckpt1.writtenBytes", 1L << 20);

    String md = report(List.of(withFlink)).markdown();

    assertThat(md)
        .contains("Flink ÷ Sluice duration")
        .contains(
            "| heap | 1st | canonical, full | 200 (200–200) | 10.0 | – | 2.00 | 2.00 |"
                + " 500 (500–500) | 3.0 | 1.00 | 1.00 | 2.50 |");
  }
}
