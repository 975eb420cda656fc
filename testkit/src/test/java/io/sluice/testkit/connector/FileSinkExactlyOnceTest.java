package io.sluice.testkit.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.checkpoint.CheckpointListener;
import io.sluice.api.connector.file.FileSink;
import io.sluice.api.operators.SinkWriterOperator;
import io.sluice.testkit.harness.OneInputOperatorHarness;
import io.sluice.testkit.harness.OperatorSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exactly-once file sink through the sink operator, with crashes injected between steps. */
class FileSinkExactlyOnceTest {
  @TempDir Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  /** A sink operator of a job with checkpoints, restored from {@code restoreFrom} unless null. */
  private OneInputOperatorHarness<String, Void> open(OperatorSnapshot restoreFrom)
      throws Exception {
    return open(out(), restoreFrom, true);
  }

  private static OneInputOperatorHarness<String, Void> open(
      Path output, OperatorSnapshot restoreFrom, boolean checkpointing) throws Exception {
    var harness =
        new OneInputOperatorHarness<>(
            new SinkWriterOperator<>(FileSink.<String>forTextLines(output)));
    if (checkpointing) {
      harness.enableCheckpointing();
    }
    if (restoreFrom != null) {
      harness.initializeState(restoreFrom);
    }
    harness.open();
    return harness;
  }

  /** Ends the input and gives the final notification the runtime sends once the job ended. */
  private static void finishJob(OneInputOperatorHarness<String, Void> harness) throws Exception {
    harness.finish();
    harness.notifyOfCompletedCheckpoint(CheckpointListener.END_OF_INPUT_CHECKPOINT_ID);
  }

  private static void write(OneInputOperatorHarness<String, Void> harness, int from, int to)
      throws Exception {
    for (int i = from; i < to; i++) {
      harness.processElement("r" + i);
    }
  }

  private static List<String> records(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "r" + i).toList();
  }

  /** Every hidden (in-progress or pending) file in the temp dir and the output directory. */
  private List<String> hiddenFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith("."))
          .toList();
    }
  }

  private List<String> visibleFiles() throws IOException {
    if (!Files.isDirectory(out())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out())) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .toList();
    }
  }

  @Test
  void withoutCheckpointsOneWriterWritesTheSingleFileAsBefore() throws Exception {
    try (var harness = open(out(), null, false)) {
      write(harness, 0, 3);
      assertThat(out()).doesNotExist();
      harness.finish();
    }
    assertThat(out()).isRegularFile();
    assertThat(Files.readAllLines(out(), StandardCharsets.UTF_8)).isEqualTo(records(0, 3));
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void anEmptyInputWithoutCheckpointsStillGivesAnEmptyFile() throws Exception {
    try (var harness = open(out(), null, false)) {
      harness.finish();
    }
    assertThat(out()).isRegularFile().isEmptyFile();
  }

  @Test
  void filesGoFromInProgressToPendingToCommitted() throws Exception {
    try (var harness = open(null)) {
      write(harness, 0, 2);
      assertThat(hiddenFiles()).singleElement().asString().endsWith(".inprogress");

      harness.snapshot(1); // closes the file: pending, still hidden
      assertThat(out()).isDirectory();
      assertThat(visibleFiles()).isEmpty();
      assertThat(hiddenFiles()).hasSize(1);

      harness.notifyOfCompletedCheckpoint(1);
      assertThat(visibleFiles()).containsExactly("part-0-0");
      assertThat(Files.readAllLines(out().resolve("part-0-0"))).isEqualTo(records(0, 2));
      assertThat(hiddenFiles()).isEmpty();

      harness.snapshot(2); // nothing written since 1: no empty part file
      harness.notifyOfCompletedCheckpoint(2);
      assertThat(visibleFiles()).containsExactly("part-0-0");

      write(harness, 2, 5);
      harness.snapshot(3);
      write(harness, 5, 6);
      harness.notifyOfCompletedCheckpoint(3);
      assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1");
      finishJob(harness);
    }
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1", "part-0-2");
    assertThat(Files.readAllLines(out().resolve("part-0-1"))).isEqualTo(records(2, 5));
    assertThat(FileSink.readCommittedLines(out())).isEqualTo(records(0, 6));
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void aCrashBetweenSnapshotAndNotificationCommitsOnRestoreAndDropsTheRest() throws Exception {
    var crashed = open(null);
    write(crashed, 0, 5);
    OperatorSnapshot checkpoint = crashed.snapshot(1);
    write(crashed, 5, 8); // in the in-progress file when the process dies
    // crash: no notification, no close

    try (var restored = open(checkpoint)) {
      assertThat(visibleFiles()).containsExactly("part-0-0");
      assertThat(hiddenFiles()).as("the dead attempt's in-progress file is deleted").isEmpty();
      write(restored, 5, 10); // the source replays from its position at checkpoint 1
      restored.snapshot(2);
      restored.notifyOfCompletedCheckpoint(2);
      finishJob(restored);
    }
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1");
    assertThat(FileSink.readCommittedLines(out())).isEqualTo(records(0, 10));
  }

  @Test
  void aCrashAfterTheNotificationCommitsNothingTwiceAndKeepsNumbering() throws Exception {
    var crashed = open(null);
    write(crashed, 0, 3);
    OperatorSnapshot checkpoint = crashed.snapshot(1);
    crashed.notifyOfCompletedCheckpoint(1);
    write(crashed, 3, 4);
    crashed.close(); // a failure the task noticed: the writer drops its in-progress file

    try (var restored = open(checkpoint)) {
      write(restored, 3, 6);
      restored.snapshot(2);
      restored.notifyOfCompletedCheckpoint(2);
      finishJob(restored);
    }
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1");
    assertThat(FileSink.readCommittedLines(out())).isEqualTo(records(0, 6));
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void pendingFilesOfACheckpointThatNeverCompletedAreNeverCommitted() throws Exception {
    var crashed = open(null);
    write(crashed, 0, 2);
    OperatorSnapshot completed = crashed.snapshot(1);
    write(crashed, 2, 4);
    crashed.snapshot(2); // taken here, but checkpoint 2 never completes elsewhere
    write(crashed, 4, 5);

    try (var restored = open(completed)) {
      assertThat(hiddenFiles()).isEmpty();
      write(restored, 2, 6);
      finishJob(restored);
    }
    assertThat(FileSink.readCommittedLines(out())).isEqualTo(records(0, 6));
  }

  @Test
  void withCheckpointsTheLastFileWaitsForTheJobsFinalNotification() throws Exception {
    var crashed = open(null);
    write(crashed, 0, 3);
    OperatorSnapshot checkpoint = crashed.snapshot(1);
    crashed.notifyOfCompletedCheckpoint(1);
    write(crashed, 3, 5);
    crashed.finish(); // this subtask ended, but another one fails before the job does
    assertThat(visibleFiles()).containsExactly("part-0-0");
    crashed.close();

    try (var restored = open(checkpoint)) {
      write(restored, 3, 5);
      restored.finish();
      assertThat(visibleFiles()).containsExactly("part-0-0");
      restored.notifyOfCompletedCheckpoint(CheckpointListener.END_OF_INPUT_CHECKPOINT_ID);
    }
    assertThat(FileSink.readCommittedLines(out())).isEqualTo(records(0, 5));
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void aCheckpointAfterTheEndKeepsTheLastFileForARestore() throws Exception {
    var first = open(null);
    write(first, 0, 2);
    first.finish();
    OperatorSnapshot afterEnd = first.snapshot(1); // other tasks still ran
    // crash before checkpoint 1 is notified: the restored subtask has no input left

    try (var restored = open(afterEnd)) {
      finishJob(restored);
    }
    assertThat(FileSink.readCommittedLines(out())).isEqualTo(records(0, 2));
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void aCheckpointingJobWhoseOutputIsAnExistingFileFailsWithAdviceBeforeWriting() throws Exception {
    Files.writeString(out(), "from an earlier run\n");
    assertThatThrownBy(() -> open(null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(
            "Output " + out() + " is a file, but with checkpoints the output is a")
        .hasMessageContaining("delete the file or choose another path");
    assertThat(Files.readString(out())).isEqualTo("from an earlier run\n");
  }

  @Test
  void aCommitWhoseFilesAreBothGoneFailsClearly() throws Exception {
    var crashed = open(null);
    write(crashed, 0, 2);
    OperatorSnapshot checkpoint = crashed.snapshot(1);
    crashed.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".inprogress")).toList()) {
        Files.delete(file); // someone cleaned the output while the job was down
      }
    }
    assertThatThrownBy(() -> open(checkpoint))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Cannot commit " + out().resolve("part-0-0"))
        .hasMessageContaining("output of a completed checkpoint was lost");
  }

  /** How a run ends before its restore. */
  enum Crash {
    /** Restore from the latest checkpoint taken, whether its notification arrived or not. */
    RESTORE_LATEST,
    /** The latest checkpoint never completed: restore from the one before (or from scratch). */
    RESTORE_PREVIOUS
  }

  /**
   * For every record at which the job can die, and both kinds of restore: checkpoints every 4
   * records, notifications 2 records late, a crash after record {@code k}, a restore replaying the
   * records after the restored checkpoint — the committed output is exactly every record once.
   */
  @Test
  void everyCrashPointGivesEveryRecordExactlyOnce() throws Exception {
    int records = 26;
    for (Crash crash : Crash.values()) {
      for (int k = 0; k <= records; k++) {
        Path runDir = Files.createDirectory(dir.resolve(crash + "-" + k));
        Path output = runDir.resolve("out");
        List<String> committed = crashAndRecover(output, records, k, crash);
        assertThat(committed).as(crash + " after record " + k).isEqualTo(records(0, records));
        try (Stream<Path> files = Files.walk(runDir)) {
          assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")))
              .as("leftovers after " + crash + " at " + k)
              .isEmpty();
        }
      }
    }
  }

  private static List<String> crashAndRecover(Path output, int records, int crashAfter, Crash crash)
      throws Exception {
    var first = open(output, null, true);
    OperatorSnapshot latest = null;
    OperatorSnapshot previous = null;
    boolean latestNotified = false;
    for (int i = 0; i < crashAfter; i++) {
      first.processElement("r" + i);
      if ((i + 1) % 4 == 0) {
        previous = latest;
        latest = first.snapshot((i + 1) / 4);
        latestNotified = false;
      } else if ((i + 1) % 4 == 2 && latest != null) {
        first.notifyOfCompletedCheckpoint(latest.checkpointId());
        latestNotified = true;
      }
    }
    if (crashAfter % 2 == 1) {
      first.close(); // half the crashes let the task close its operator, half do not
    }
    OperatorSnapshot restoreFrom = latest;
    if (crash == Crash.RESTORE_PREVIOUS && latest != null && !latestNotified) {
      restoreFrom = previous; // the latest never completed
    }
    int position = restoreFrom == null ? 0 : (int) restoreFrom.checkpointId() * 4;
    long nextCheckpoint = restoreFrom == null ? 1 : restoreFrom.checkpointId() + 1;

    try (var second = open(output, restoreFrom, true)) {
      for (int i = position; i < records; i++) {
        second.processElement("r" + i);
        if ((i + 1) % 5 == 0) {
          second.snapshot(nextCheckpoint);
          second.notifyOfCompletedCheckpoint(nextCheckpoint++);
        }
      }
      finishJob(second);
    }
    return FileSink.readCommittedLines(output);
  }
}
