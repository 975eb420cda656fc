package io.sluice.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseSummaryTest {
  private final BenchCase benchCase = new BenchCase(Benchmark.CHAINED_MAP, 1, 1000, 2);

  private static RunResult run(String engine, double recordsPerSecond, String checksum) {
    return new RunResult(
        engine,
        "v",
        "chained-map",
        1,
        1000,
        750,
        checksum,
        1,
        2,
        recordsPerSecond,
        2048,
        null,
        null,
        null);
  }

  @Test
  void mediansAreTakenPerEngineAndTheRatioIsSluiceOverFlink() {
    CaseSummary summary =
        CaseSummary.of(
            benchCase,
            List.of(
                run("sluice", 30, "c"),
                run("flink", 10, "c"),
                run("sluice", 10, "c"),
                run("flink", 40, "c"),
                run("sluice", 20, "c"),
                run("flink", 20, "c"),
                run("flink", 30, "c")));

    assertThat(summary.sluice().recordsPerSecond()).isEqualTo(20);
    assertThat(summary.flink().recordsPerSecond()).isEqualTo(25);
    assertThat(summary.ratio()).isEqualTo(0.8);
    assertThat(summary.sluice().peakRssMib()).isEqualTo(2);
    assertThat(summary.outputsAgree()).isTrue();
  }

  @Test
  void aDifferentChecksumInAnyRunMeansTheOutputsDisagree() {
    CaseSummary summary =
        CaseSummary.of(
            benchCase, List.of(run("sluice", 1, "c"), run("flink", 1, "c"), run("flink", 1, "d")));

    assertThat(summary.outputsAgree()).isFalse();
    assertThat(summary.outcomes()).hasSize(2);
    assertThat(summary.outcomes().get("750 outputs, checksum d")).containsExactly("flink");
  }
}
