package io.sluice.api.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.connector.file.FileSource;
import io.sluice.api.connector.source.util.CollectionSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collection and file sources checkpointed after every poll and restored: what was emitted
 * before the checkpoint plus what the restored readers emit is exactly the uninterrupted output.
 */
class RestorableSourcesTest {
  @TempDir Path dir;

  private static <T, S extends SourceSplit, E> List<List<T>> uninterrupted(
      Source<T, S, E> source, int parallelism) throws Exception {
    SourceDriver<T, S, E> driver = SourceDriver.fresh(source, parallelism);
    driver.runToEnd();
    driver.close();
    return driver.outputs();
  }

  /** For every number of polls before the checkpoint: run, checkpoint, crash, restore, finish. */
  private static <T, S extends SourceSplit, E> void assertEveryCheckpointRestoresExactly(
      Source<T, S, E> source, int parallelism) throws Exception {
    List<List<T>> expected = uninterrupted(source, parallelism);
    for (int steps = 0; ; steps++) {
      SourceDriver<T, S, E> first = SourceDriver.fresh(source, parallelism);
      boolean running = true;
      for (int i = 0; i < steps && running; i++) {
        running = first.step();
      }
      SourceDriver.Checkpoint checkpoint = first.checkpoint(steps);
      List<List<T>> before = first.outputs();
      first.step(); // emitted after the checkpoint: lost in the crash
      first.close();

      SourceDriver<T, S, E> second = SourceDriver.restore(source, parallelism, checkpoint);
      second.runToEnd();
      second.close();
      for (int subtask = 0; subtask < parallelism; subtask++) {
        List<T> joined = new ArrayList<>(before.get(subtask));
        joined.addAll(second.outputs().get(subtask));
        assertThat(joined)
            .as("subtask " + subtask + " with a checkpoint after " + steps + " polls")
            .isEqualTo(expected.get(subtask));
      }
      if (!running) {
        return;
      }
    }
  }

  @Test
  void collectionSourceRestoresAtEveryPoll() throws Exception {
    List<Integer> elements = IntStream.range(0, 300).boxed().toList();
    assertThat(uninterrupted(new CollectionSource<>(elements), 2))
        .containsExactly(elements.subList(0, 150), elements.subList(150, 300));
    assertEveryCheckpointRestoresExactly(new CollectionSource<>(elements), 2);
  }

  private Path sampleFile() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("line ").append(i).append(" ").append("ü€".repeat(i % 4));
      text.append(i % 3 == 0 ? "\r\n" : "\n");
    }
    text.append("last line without newline");
    Path file = dir.resolve("in.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void fileSourceRestoresAtEveryPollWithSmallSplitsAndLongReads() throws Exception {
    FileSource source = FileSource.forTextLines(sampleFile()).withSplitSize(37);
    List<String> all = new ArrayList<>();
    uninterrupted(source, 3).forEach(all::addAll);
    assertThat(all).hasSize(41).contains("line 3 ü€ü€ü€", "last line without newline");
    assertEveryCheckpointRestoresExactly(source, 3);
  }

  @Test
  void aRestoredReaderSkipsWhatItEmittedBeforeTheCheckpointByByteOffset() throws Exception {
    // one split, one reader: 256 lines are read per poll, so a checkpoint after one poll of 600
    FileSource source = FileSource.forTextLines(numberedFile(600));
    SourceDriver<String, ?, ?> first = SourceDriver.fresh(source, 1);
    first.step();
    SourceDriver.Checkpoint checkpoint = first.checkpoint(1);
    assertThat(first.outputs().get(0)).hasSize(256).endsWith("255");

    SourceDriver<String, ?, ?> second = SourceDriver.restore(source, 1, checkpoint);
    second.runToEnd();
    assertThat(second.outputs().get(0))
        .isEqualTo(IntStream.range(256, 600).mapToObj(Integer::toString).toList());
  }

  private Path numberedFile(int lines) throws Exception {
    Path file = dir.resolve("numbers.txt");
    Files.write(file, IntStream.range(0, lines).mapToObj(Integer::toString).toList());
    return file;
  }

  @Test
  void aRestoreAtAnotherParallelismEmitsEveryRemainingRecordOnce() throws Exception {
    FileSource source = FileSource.forTextLines(numberedFile(2000)).withSplitSize(1000);
    SourceDriver<String, ?, ?> first = SourceDriver.fresh(source, 2);
    first.step();
    first.step();
    SourceDriver.Checkpoint checkpoint = first.checkpoint(2);
    List<String> emitted = new ArrayList<>();
    first.outputs().forEach(emitted::addAll);

    SourceDriver<String, ?, ?> second = SourceDriver.restore(source, 3, checkpoint);
    second.runToEnd();
    second.outputs().forEach(emitted::addAll);
    assertThat(emitted)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 2000).mapToObj(Integer::toString).toList());
  }
}
