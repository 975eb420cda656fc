package io.sluice.examples.latedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.testkit.LocalEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LateDataJobTest {

  /** Worked out by hand from the sample's comments: sensor, start, end, max, readings, firing. */
  private static final List<String> S1 =
      List.of(
          "s1\t0\t10000\t22\t2\t1",
          "s1\t0\t10000\t25\t3\t2",
          "s1\t10000\t20000\t24\t3\t1",
          "s1\t20000\t30000\t26\t1\t1");

  private static final List<String> S2 =
      List.of(
          "s2\t0\t10000\t19\t2\t1",
          "s2\t10000\t20000\t17\t1\t1",
          "s2\t10000\t20000\t17\t2\t2",
          "s2\t20000\t30000\t15\t1\t1");

  private static List<String> ofSensor(List<String> lines, String sensor) {
    return lines.stream().filter(line -> line.startsWith(sensor + "\t")).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void writesOnTimeAndLateFiringsAndTheTooLateReadings(int parallelism, @TempDir Path dir)
      throws Exception {
    Path results = dir.resolve("results.tsv");
    Path late = dir.resolve("late.tsv");
    new LateDataJob()
        .run(
            LocalEnvironment.create(parallelism),
            new String[] {"--output", results.toString(), "--late-output", late.toString()});

    List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(S1.size() + S2.size());
    // each sensor's firings in the order they happened; sensors may interleave
    assertThat(ofSensor(lines, "s1")).containsExactlyElementsOf(S1);
    assertThat(ofSensor(lines, "s2")).containsExactlyElementsOf(S2);
    // one too-late reading per sensor; at parallelism > 1 the sensors' subtasks may write in any
    // order
    assertThat(Files.readAllLines(late, StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("s2\t5\t30", "s1\t12\t40");
  }

  @Test
  void missingLateOutputIsExplainedWithTheUsage() {
    assertThatThrownBy(
            () ->
                new LateDataJob()
                    .run(LocalEnvironment.create(1), new String[] {"--output", "results.tsv"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Usage: sluice run late-data");
  }
}
