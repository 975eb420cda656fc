package io.sluice.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example jobs run by {@code sluice run} on the real distribution: real Felix, real runtime,
 * real job bundles — the path a user takes, including class loading across bundles.
 */
class ExamplesIT {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path home;

  private final CliRunner cli = new CliRunner();

  private int sluice(TestDistribution dist, String... args) {
    return cli.run(dist, args);
  }

  @Test
  void wordCountOfTheSampleMatchesAPlainCount() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);
    Path input = REPOSITORY.resolve("examples/wordcount/sample/input.txt");
    Path output = home.resolve("counts.tsv");

    assertThat(
            sluice(
                dist,
                "run",
                "wordcount",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--parallelism",
                "2"))
        .as(cli.err())
        .isZero();

    Map<String, Long> expected = new TreeMap<>();
    for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
      for (String word : line.split("[^\\p{L}\\p{N}]+")) {
        if (!word.isEmpty()) {
          expected.merge(word.toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        }
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t");
      actual.put(fields[0], Long.parseLong(fields[1]));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void hotItemsGivesTheSameTopItemsAtParallelismOneAndFour() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);
    Path input =
        REPOSITORY.resolve("examples/hot-items/src/main/resources/sample/UserBehavior-sample.csv");
    Path one = home.resolve("top-p1.tsv");
    Path four = home.resolve("top-p4.tsv");

    for (var run : List.of(List.of(one, "1"), List.of(four, "4"))) {
      assertThat(
              sluice(
                  dist,
                  "run",
                  "hot-items",
                  "--input",
                  input.toString(),
                  "--output",
                  run.get(0).toString(),
                  "--parallelism",
                  run.get(1).toString()))
          .as(cli.err())
          .isZero();
    }
    List<String> lines = Files.readAllLines(one, StandardCharsets.UTF_8);
    assertThat(lines).isNotEmpty().allMatch(line -> line.split("\t").length == 4);
    assertThat(Files.readAllLines(four, StandardCharsets.UTF_8)).isEqualTo(lines);
  }

  @Test
  void exactlyOnceCounterWithInjectedFailuresCommitsExactlyTheFailureFreeLines() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);
    Path output = home.resolve("counts");
    long records = 400_000;
    int keys = 13;

    assertThat(
            sluice(
                dist,
                "run",
                "exactly-once-counter",
                "--records",
                Long.toString(records),
                "--keys",
                Integer.toString(keys),
                "--fail-every",
                "60000",
                "--checkpoint-interval-ms",
                "50",
                "--output",
                output.toString(),
                "--parallelism",
                "3"))
        .as(cli.err())
        .isZero();

    // The failure-free output, computed with a plain loop: k<TAB>1 .. k<TAB>n_k for every key.
    long[] perKey = new long[keys];
    for (long i = 0; i < records; i++) {
      perKey[(int) (i % keys)]++;
    }
    List<String> expected = new java.util.ArrayList<>();
    for (int k = 0; k < keys; k++) {
      for (long c = 1; c <= perKey[k]; c++) {
        expected.add(k + "\t" + c);
      }
    }
    List<String> committed = new java.util.ArrayList<>();
    try (var files = Files.list(output)) {
      for (Path file : files.toList()) {
        assertThat(file.getFileName().toString())
            .as("no uncommitted file is left")
            .doesNotStartWith(".");
        committed.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(committed.stream().sorted().toList()).isEqualTo(expected.stream().sorted().toList());
  }
}
