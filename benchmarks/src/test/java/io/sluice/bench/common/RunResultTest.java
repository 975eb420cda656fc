package io.sluice.bench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunResultTest {

  @Test
  void aResultLineReadsBackAsTheSameResult() {
    RunResult result =
        new RunResult(
            "flink",
            "2.3.0",
            "rebalance",
            2,
            4_000_000,
            4_000_000,
            "-1a2b",
            812.5,
            4100.25,
            4.923e6,
            512_000,
            120.5,
            9_800.0,
            null);

    assertThat(RunResult.fromJson(result.toJson())).isEqualTo(result);
  }

  @Test
  void stringsWithQuotesAndControlCharactersSurviveTheRoundTrip() {
    String json = Json.object().put("a\"b", "line\n\t\"q\" \\ \u0001").toString();

    assertThat(Json.parseFlatObject(json)).containsEntry("a\"b", "line\n\t\"q\" \\ \u0001");
  }

  @Test
  void aLineWithoutARequiredNumberIsRejectedByName() {
    assertThatThrownBy(() -> RunResult.fromJson("{\"engine\":\"sluice\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism");
  }
}
