package io.sluice.examples.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.file.FileSink;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.RestoreSettings;
import io.sluice.state.heap.HeapStateBackend;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.harness.Harnesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactlyOnceCounterJobTest {
  @TempDir Path dir;

  @Test
  void theReferenceCountsEachKeysEventsFromOne() {
    // events 0..6 over 3 keys: key 0 gets 0, 3, 6; key 1 gets 1, 4; key 2 gets 2, 5
    assertThat(ExactlyOnceCounterJob.expectedLines(7, 3))
        .containsExactly("0\t1", "0\t2", "0\t3", "1\t1", "1\t2", "2\t1", "2\t2");
    assertThat(ExactlyOnceCounterJob.expectedLines(2, 4)).containsExactly("0\t1", "1\t1");
    assertThat(ExactlyOnceCounterJob.expectedLines(0, 2)).isEmpty();
    assertThat(ExactlyOnceCounterJob.expectedLines(1000, 10))
        .hasSize(1000)
        .contains("9\t100")
        .doesNotContain("9\t101");
  }

  @Test
  void optionsHaveDefaultsAndClearErrors() {
    var options =
        ExactlyOnceCounterJob.Options.parse(
            "--records", "100", "--keys", "3", "--output", "out", "--fail-every", "7");
    assertThat(options)
        .isEqualTo(new ExactlyOnceCounterJob.Options(100, 3, 7, Path.of("out"), 0, 200));
    assertThat(
            ExactlyOnceCounterJob.Options.parse(
                "--records",
                "1",
                "--keys",
                "1",
                "--output",
                "o",
                "--parallelism",
                "4",
                "--checkpoint-interval-ms",
                "50"))
        .isEqualTo(new ExactlyOnceCounterJob.Options(1, 1, 0, Path.of("o"), 4, 50));

    assertThatThrownBy(() -> ExactlyOnceCounterJob.Options.parse("--records", "1", "--keys", "1"))
        .hasMessageStartingWith(
            "exactly-once-counter: --records, --keys and --output are required");
    assertThatThrownBy(
            () ->
                ExactlyOnceCounterJob.Options.parse(
                    "--records", "1", "--keys", "0", "--output", "o"))
        .hasMessageContaining("--keys needs a whole number >= 1, not '0'");
    assertThatThrownBy(() -> ExactlyOnceCounterJob.Options.parse("--records"))
        .hasMessageContaining("--records needs a value");
    assertThatThrownBy(() -> ExactlyOnceCounterJob.Options.parse("--top", "3"))
        .hasMessageContaining("unknown argument '--top'");
  }

  @Test
  void eachFailurePointFiresOnceAcrossAttempts() throws Exception {
    Path output = dir.resolve("out");
    FailurePoints points = new FailurePoints(3, output);
    assertThat(points.shouldFail(0, 2)).isFalse();
    assertThat(points.shouldFail(0, 3)).isTrue();
    assertThat(points.shouldFail(0, 3)).as("fired already").isFalse();
    assertThat(points.shouldFail(1, 3)).as("another subtask's point").isTrue();
    assertThat(new FailurePoints(3, output).shouldFail(0, 6)).isTrue();
    assertThat(new FailurePoints(0, output).shouldFail(0, 3)).isFalse();
    try (var markers = Files.list(FailurePoints.markerDirectory(output))) {
      assertThat(markers.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("subtask-0-record-3", "subtask-0-record-6", "subtask-1-record-3");
    }
  }

  @Test
  void theCountingFunctionFailsAtItsPointsAndCountsPerKey() throws Exception {
    Path output = dir.resolve("out");
    var first =
        Harnesses.forKeyedProcessFunction(
            new RunningCount(new FailurePoints(3, output)), CounterEvent::key, Integer.class);
    first.processElement(new CounterEvent(0, 0));
    first.processElement(new CounterEvent(1, 1));
    assertThatThrownBy(() -> first.processElement(new CounterEvent(2, 0)))
        .isInstanceOf(FailurePoints.InjectedFailure.class)
        .hasMessage("injected failure: subtask 0 reached 3 records in this attempt (--fail-every)");
    assertThat(first.extractOutputValues()).containsExactly("0\t1", "1\t1");

    // the next attempt (fresh state here) passes record 3 and fails at 6
    var second =
        Harnesses.forKeyedProcessFunction(
            new RunningCount(new FailurePoints(3, output)), CounterEvent::key, Integer.class);
    for (int i = 0; i < 5; i++) {
      second.processElement(new CounterEvent(i, i % 2));
    }
    assertThatThrownBy(() -> second.processElement(new CounterEvent(5, 1)))
        .isInstanceOf(FailurePoints.InjectedFailure.class);
    assertThat(second.extractOutputValues())
        .containsExactly("0\t1", "1\t1", "0\t2", "1\t2", "0\t3");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void withoutFailuresTheJobCommitsExactlyTheReferenceLines(int parallelism) throws Exception {
    Path output = dir.resolve("out-" + parallelism);
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    ExactlyOnceCounterJob.build(
        env,
        ExactlyOnceCounterJob.Options.parse(
            "--records", "5000", "--keys", "7", "--output", output.toString()));
    env.execute("exactly-once-counter test");

    List<String> lines = FileSink.readCommittedLines(output);
    assertThat(lines)
        .containsExactlyInAnyOrderElementsOf(ExactlyOnceCounterJob.expectedLines(5000, 7));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void withInjectedFailuresTheJobRestartsAndStillCommitsEveryLineOnce(int parallelism)
      throws Exception {
    Path output = dir.resolve("failing-" + parallelism);
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StreamEnvironment env =
        LocalEnvironment.withCheckpoints(
            ExecutionConfig.defaults().withParallelism(parallelism),
            HeapStateBackend::new,
            dir.resolve("checkpoints-" + parallelism),
            RestoreSettings.NONE,
            master);
    ExactlyOnceCounterJob.build(
        env,
        ExactlyOnceCounterJob.Options.parse(
            "--records",
            "20000",
            "--keys",
            "5",
            "--fail-every",
            "4000",
            "--output",
            output.toString(),
            "--checkpoint-interval-ms",
            "10"));

    JobResult result = env.execute("exactly-once-counter with failures");

    assertThat(result.status()).as(String.valueOf(result.failure())).isEqualTo(JobStatus.FINISHED);
    try (var markers = Files.list(FailurePoints.markerDirectory(output))) {
      // failure points fired and the job restarted (two subtasks failing at once need only one
      // restart, so the counts need not match)
      assertThat(markers.count()).isPositive();
      assertThat(master.get().restarts()).isPositive();
    }
    assertThat(FileSink.readCommittedLines(output))
        .containsExactlyInAnyOrderElementsOf(ExactlyOnceCounterJob.expectedLines(20000, 5));
    try (var files = Files.list(output)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("only committed part files are left")
          .allMatch(name -> name.startsWith("part-"));
    }
  }
}
