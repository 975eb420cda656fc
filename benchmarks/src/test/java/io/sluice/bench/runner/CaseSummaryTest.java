package io.sluice.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
  void eachEnginesSlowestAndFastestRunAndTheRatiosOfTheRunsOfOneRepetitionAreKept() {
    CaseSummary summary =
        CaseSummary.of(
            benchCase,
            List.of(
                run("sluice", 30, "c"),
                run("flink", 10, "c"),
                run("flink", 40, "c"),
                run("sluice", 10, "c"),
                run("sluice", 20, "c"),
                run("flink", 20, "c")));

    assertThat(summary.sluice().recordsPerSecondRange()).isEqualTo(new CaseSummary.Range(10, 30));
    assertThat(summary.flink().recordsPerSecondRange()).isEqualTo(new CaseSummary.Range(10, 40));
    // repetitions: 30 / 10, 10 / 40, 20 / 20
    assertThat(summary.pairedRatios()).isEqualTo(new CaseSummary.Range(0.25, 3.0));
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

  @Test
  void engineCostIsTimePerRecordMinusThePlainLoops() {
    // plain loop 10 M rec/s = 100 ns; Sluice 8 M = 125 ns; Flink 5 M = 200 ns
    CaseSummary summary =
        CaseSummary.of(
            benchCase,
            List.of(run("sluice", 8e6, "c"), run("flink", 5e6, "c"), run("java", 10e6, "c")));

    assertThat(summary.baseline().recordsPerSecond()).isEqualTo(10e6);
    assertThat(summary.engineNanosPerRecord(summary.sluice())).isCloseTo(25.0, within(1e-9));
    assertThat(summary.engineNanosPerRecord(summary.flink())).isCloseTo(100.0, within(1e-9));
    assertThat(summary.outputsAgree()).isTrue();
  }

  @Test
  void noEngineCanBeatFlinkByMoreThanThePlainLoopDoes() {
    // shared work 40 ns (plain loop 25 M rec/s), Flink 20 ns on top (60 ns): even an engine that
    // cost nothing would be 60 / 40 = 1.5x Flink; Sluice at 44 ns is 60 / 44
    CaseSummary summary =
        CaseSummary.of(
            benchCase,
            List.of(
                run("sluice", 1e9 / 44, "c"), run("flink", 1e9 / 60, "c"), run("java", 25e6, "c")));

    assertThat(summary.zeroCostEngineRatio()).isCloseTo(1.5, within(1e-9));
    assertThat(summary.ratio()).isCloseTo(60.0 / 44.0, within(1e-9));
    assertThat(summary.ratio()).isLessThan(summary.zeroCostEngineRatio());
  }

  @Test
  void aBaselineWithAnotherChecksumMeansTheOutputsDisagree() {
    CaseSummary summary =
        CaseSummary.of(
            benchCase, List.of(run("sluice", 1, "c"), run("flink", 1, "c"), run("java", 1, "x")));

    assertThat(summary.outputsAgree()).isFalse();
  }

  @Test
  void withoutABaselineThereIsNoEngineCost() {
    CaseSummary summary =
        CaseSummary.of(benchCase, List.of(run("sluice", 1, "c"), run("flink", 1, "c")));

    assertThat(summary.baseline()).isNull();
    assertThatThrownBy(() -> summary.engineNanosPerRecord(summary.sluice()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no plain Java baseline");
    assertThatThrownBy(summary::zeroCostEngineRatio)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no plain Java baseline");
  }

  @Test
  void onlyStatelessChainsAtParallelismOneGetTheBaselineAndOnlyInTheFullPlan() {
    Plan full = Plan.full();
    assertThat(BenchRunner.engines(full, new BenchCase(Benchmark.NEXMARK_Q1, 1, 10, 1)))
        .containsExactly("sluice", "flink", "java");
    assertThat(BenchRunner.engines(full, new BenchCase(Benchmark.NEXMARK_Q1, 2, 10, 1)))
        .containsExactly("sluice", "flink");
    assertThat(BenchRunner.engines(full, new BenchCase(Benchmark.NEXMARK_Q5, 1, 10, 1)))
        .containsExactly("sluice", "flink");
    assertThat(BenchRunner.engines(Plan.quick(), new BenchCase(Benchmark.NEXMARK_Q1, 1, 10, 1)))
        .containsExactly("sluice", "flink");
  }
}
