package io.sluice.examples.hotitems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.StreamEnvironment;
import io.sluice.testkit.LocalEnvironment;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotItemsJobTest {
  private static final long SLIDE = 5 * 60 * 1000L;
  private static final long SIZE = 60 * 60 * 1000L;

  private static Path copySample(Path dir) throws Exception {
    Path target = dir.resolve("UserBehavior-sample.csv");
    try (InputStream in =
        HotItemsJobTest.class.getResourceAsStream("/sample/UserBehavior-sample.csv")) {
      assertThat(in).as("the sample on the class path").isNotNull();
      Files.copy(in, target);
    }
    return target;
  }

  /** The expected output, by plain loops over the input lines. */
  private static List<String> reference(List<String> lines, int top) {
    Map<Long, Map<Long, Long>> countsByWindowEnd = new TreeMap<>();
    for (String line : lines) {
      String[] f = line.split(",");
      if (!f[3].equals("pv")) {
        continue;
      }
      long item = Long.parseLong(f[1]);
      long ts = Long.parseLong(f[4]) * 1000;
      // every window end e (a multiple of 5 minutes) with e - 60 min <= ts < e
      for (long end = Math.floorDiv(ts, SLIDE) * SLIDE + SLIDE; end - SIZE <= ts; end += SLIDE) {
        countsByWindowEnd.computeIfAbsent(end, e -> new HashMap<>()).merge(item, 1L, Long::sum);
      }
    }
    List<String> expected = new ArrayList<>();
    countsByWindowEnd.forEach(
        (end, counts) -> {
          List<Map.Entry<Long, Long>> ranked = new ArrayList<>(counts.entrySet());
          ranked.sort(
              (a, b) ->
                  !a.getValue().equals(b.getValue())
                      ? Long.compare(b.getValue(), a.getValue())
                      : Long.compare(a.getKey(), b.getKey()));
          for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            expected.add(
                end
                    + "\t"
                    + (i + 1)
                    + "\t"
                    + ranked.get(i).getKey()
                    + "\t"
                    + ranked.get(i).getValue());
          }
        });
    return expected;
  }

  @ParameterizedTest
  @CsvSource({"1, 3", "4, 3", "4, 5"})
  void outputEqualsThePlainJavaReference(int parallelism, int top, @TempDir Path dir)
      throws Exception {
    Path input = copySample(dir);
    Path output = dir.resolve("top.tsv");
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    new HotItemsJob()
        .run(
            env,
            new String[] {
              "--input", input.toString(), "--output", output.toString(), "--top", "" + top
            });

    List<String> expected = reference(Files.readAllLines(input, StandardCharsets.UTF_8), top);
    assertThat(expected).hasSizeGreaterThan(30 * top);
    assertThat(Files.readAllLines(output, StandardCharsets.UTF_8))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void committedSampleIsWhatTheSeededGeneratorProduces() throws Exception {
    List<String> committed;
    try (InputStream in =
        HotItemsJobTest.class.getResourceAsStream("/sample/UserBehavior-sample.csv")) {
      committed = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
    assertThat(committed).isEqualTo(SampleGenerator.generate());
  }

  @Test
  void sampleIsAtMostFiveMinutesOutOfOrder() throws Exception {
    long maxSeen = Long.MIN_VALUE;
    long worst = 0;
    for (String line : SampleGenerator.generate()) {
      long ts = Long.parseLong(line.split(",")[4]);
      maxSeen = Math.max(maxSeen, ts);
      worst = Math.max(worst, maxSeen - ts);
    }
    assertThat(worst).isPositive().isLessThanOrEqualTo(5 * 60);
  }

  @Test
  void missingOutputIsExplainedWithTheUsage() {
    assertThatThrownBy(
            () -> new HotItemsJob().run(LocalEnvironment.create(1), new String[] {"--input", "x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--input and --output are required")
        .hasMessageContaining("Usage: sluice run hot-items");
  }
}
