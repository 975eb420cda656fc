package io.sluice.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicroReportTest {
  @Test
  void concatenatesTheJsonArraysOfSeparateRuns() {
    String merged =
        MicroReport.concatenateJsonArrays(
            List.of(
                "[\n  {\"benchmark\": \"a\"},\n  {\"benchmark\": \"b\"}\n]\n",
                "[ ]",
                "[{\"benchmark\": \"c\"}]"));

    assertThat(merged)
        .isEqualTo(
            "[\n{\"benchmark\": \"a\"},\n  {\"benchmark\": \"b\"},\n{\"benchmark\": \"c\"}\n]\n");
  }

  @Test
  void refusesSomethingThatIsNotAnArray() {
    assertThatThrownBy(() -> MicroReport.concatenateJsonArrays(List.of("{}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
