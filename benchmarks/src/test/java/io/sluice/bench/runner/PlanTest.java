package io.sluice.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.LongWorkloads;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanTest {

  @ParameterizedTest
  @ValueSource(strings = {"quick", "full"})
  void everyBenchmarkRunsInBothPlans(String name) {
    Set<Benchmark> covered =
        plan(name).cases().stream().map(BenchCase::benchmark).collect(Collectors.toSet());
    assertThat(covered).isEqualTo(EnumSet.allOf(Benchmark.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quick", "full"})
  void warmUpsRunTheWholeJobOnce(String name) {
    Plan plan = plan(name);
    assertThat(plan.warmups()).isEqualTo(1);
    BenchCase rocksDb =
        plan.cases().stream()
            .filter(c -> c.benchmark() == Benchmark.STATE_ROCKSDB)
            .findFirst()
            .orElseThrow();
    assertThat(rocksDb.warmupRecords(plan.warmupFraction())).isEqualTo(rocksDb.records());
  }

  @ParameterizedTest
  @ValueSource(strings = {"quick", "full"})
  void theHotPathsMeasureWhatTheyAreNamedFor(String name) {
    Plan plan = plan(name);
    for (BenchCase c : plan.cases()) {
      long warmup = c.warmupRecords(plan.warmupFraction());
      switch (c.benchmark()) {
        // read-modify-write: most records find their key's value stored
        case STATE_HEAP, STATE_ROCKSDB ->
            assertThat(c.records()).isGreaterThanOrEqualTo(3 * LongWorkloads.STATE_KEYS);
        // windows close during the warm-up too, not only at the end of input
        case WINDOW_AGGREGATE ->
            assertThat(warmup / LongWorkloads.RECORDS_PER_MILLI)
                .isGreaterThan(LongWorkloads.WINDOW.toMillis());
        default -> assertThat(c.records()).isPositive();
      }
    }
  }

  @Test
  void theFullPlanRunsTheShortNexmarkQueriesMoreOftenThanTheHotPaths() {
    for (BenchCase c : Plan.full().cases()) {
      assertThat(c.repetitions()).as(c.label()).isEqualTo(c.benchmark().nexmark() ? 7 : 5);
    }
    assertThat(Plan.quick().cases()).allSatisfy(c -> assertThat(c.repetitions()).isEqualTo(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quick", "full"})
  void moreWarmUpsChangeNothingElse(String name) {
    Plan plan = plan(name);
    Plan more = plan.withWarmups(3);
    assertThat(more.warmups()).isEqualTo(3);
    assertThat(more.cases()).isEqualTo(plan.cases());
    assertThat(more.warmupFraction()).isEqualTo(plan.warmupFraction());
    assertThat(more.plainJavaBaseline()).isEqualTo(plan.plainJavaBaseline());
    assertThatThrownBy(() -> plan.withWarmups(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"quick", "full"})
  void onlyKeepsTheCasesWhoseLabelMatches(String name) {
    Plan windows = plan(name).only("window");
    assertThat(windows.cases())
        .extracting(BenchCase::label)
        .containsExactly("window-aggregate p=1", "window-aggregate p=2");
    assertThat(windows.warmupFraction()).isEqualTo(plan(name).warmupFraction());
  }

  @ParameterizedTest
  @ValueSource(strings = {"quick", "full"})
  void aSlowerMachineGetsFewerRecordsButNeverTooFewToMeasureTheCase(String name) {
    Plan plan = plan(name);
    Plan scaled = plan.scaledTo(0.25);
    assertThat(scaled.recordScale()).isEqualTo(0.25);
    assertThat(scaled.cases()).hasSameSizeAs(plan.cases());
    for (int i = 0; i < plan.cases().size(); i++) {
      BenchCase before = plan.cases().get(i);
      BenchCase after = scaled.cases().get(i);
      assertThat(after.label()).isEqualTo(before.label());
      assertThat(after.repetitions()).isEqualTo(before.repetitions());
      assertThat(after.records())
          .isLessThanOrEqualTo(Math.max(before.records(), Plan.minimumRecords(after.benchmark())))
          .isGreaterThanOrEqualTo(Plan.minimumRecords(after.benchmark()));
    }
    BenchCase chained = scaled.cases().get(0);
    assertThat(chained.benchmark()).isEqualTo(Benchmark.CHAINED_MAP);
    assertThat(chained.records()).isEqualTo(plan.cases().get(0).records() / 4);
    // what theHotPathsMeasureWhatTheyAreNamedFor demands still holds after scaling
    for (BenchCase c : scaled.cases()) {
      if (c.benchmark() == Benchmark.WINDOW_AGGREGATE) {
        assertThat(c.warmupRecords(scaled.warmupFraction()) / LongWorkloads.RECORDS_PER_MILLI)
            .isGreaterThan(LongWorkloads.WINDOW.toMillis());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.5, 1.5, Double.NaN})
  void aScaleOutsideZeroToOneIsRefused(double scale) {
    assertThatThrownBy(() -> Plan.full().scaledTo(scale))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record scale");
  }

  private static Plan plan(String name) {
    return name.equals("quick") ? Plan.quick() : Plan.full();
  }
}
