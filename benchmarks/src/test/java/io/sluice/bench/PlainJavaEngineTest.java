package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.baseline.PlainJavaEngine;
import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain loop does the jobs' work: the same outputs as the dataflow, computed independently. */
class PlainJavaEngineTest {

  @ParameterizedTest
  @ValueSource(strings = {"chained-map", "nexmark-q0", "nexmark-q1", "nexmark-q2"})
  void producesExactlyTheDataflowsOutputs(String id) throws Exception {
    Benchmark benchmark = Benchmark.byId(id);
    long records = 20_000;
    List<?> expected = ExpectedOutputs.of(benchmark, records);
    long checksum = 0;
    for (Object output : expected) {
      checksum += Fingerprint.of(output);
    }

    RunResult result = BenchMain.runOnce(new PlainJavaEngine(), benchmark, records, 1);

    assertThat(result.engine()).isEqualTo("java");
    assertThat(result.outputs()).isEqualTo(expected.size());
    assertThat(result.checksum()).isEqualTo(Long.toHexString(checksum));
  }

  @Test
  void refusesDataflowsItCannotRunWithoutAnEngine() {
    assertThatThrownBy(() -> new PlainJavaEngine().run(Benchmark.NEXMARK_Q5, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nexmark-q5");
    assertThatThrownBy(() -> new PlainJavaEngine().run(Benchmark.NEXMARK_Q0, 100, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism 1");
  }
}
