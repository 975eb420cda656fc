package io.sluice.api.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import io.sluice.api.typeutils.JavaObjectSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileSink writers of several subtasks, driven directly through the Sink API. */
class FileSinkWritersTest {
  @TempDir Path dir;

  private static final SinkWriter.Context NO_CONTEXT =
      new SinkWriter.Context() {
        @Override
        public Long timestamp() {
          return null;
        }

        @Override
        public long currentWatermark() {
          return Long.MIN_VALUE;
        }
      };

  private static Sink.InitContext subtask(int index, int parallelism) {
    return new Sink.InitContext("job", index, parallelism);
  }

  private static void write(SinkWriter<String> writer, String... lines) throws Exception {
    for (String line : lines) {
      writer.write(line, NO_CONTEXT);
    }
  }

  private List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void severalWritersWithoutCheckpointsWriteOnePartFileEach() throws Exception {
    Path out = dir.resolve("out");
    FileSink<String> sink = FileSink.forTextLines(out);
    List<FileSink.PendingFile> pending = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try (CommittingSinkWriter<String, FileSink.PendingFile> writer =
          sink.createWriter(subtask(i, 2))) {
        write(writer, "a" + i, "b" + i);
        writer.flush(true);
        pending.addAll(writer.prepareCommit());
      }
    }
    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(pending);
      committer.commit(pending); // a second commit changes nothing
    }
    assertThat(names(out)).containsExactly("part-0", "part-1");
    assertThat(FileSink.readCommittedLines(out)).containsExactly("a0", "b0", "a1", "b1");
  }

  @Test
  void aWriterRestoredWithoutItsOwnStateContinuesAfterItsCommittedParts() throws Exception {
    Path out = dir.resolve("out");
    FileSink<String> sink = FileSink.forTextLines(out);
    List<FileSink.PendingFile> pending = new ArrayList<>();
    List<FileSink.WriterState> states = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try (CommittingSinkWriter<String, FileSink.PendingFile> writer =
          sink.createWriter(subtask(i, 2))) {
        for (int checkpoint = 1; checkpoint <= 2; checkpoint++) {
          write(writer, i + "@" + checkpoint);
          writer.flush(false);
          pending.addAll(writer.prepareCommit());
        }
        states.addAll(((StatefulSinkWriter<String, FileSink.WriterState>) writer).snapshotState(2));
      }
    }
    sink.createCommitter().commit(pending);
    assertThat(states)
        .containsExactly(new FileSink.WriterState(0, 2), new FileSink.WriterState(1, 2));

    // scale in to one writer that got only subtask 1's state: subtask 0 numbers on after part-0-1
    try (StatefulSinkWriter<String, FileSink.WriterState> restored =
        sink.restoreWriter(subtask(0, 1), List.of(states.get(1)))) {
      write(restored, "after restore");
      restored.flush(true);
      sink.createCommitter()
          .commit(((CommittingSinkWriter<String, FileSink.PendingFile>) restored).prepareCommit());
    }
    assertThat(names(out))
        .containsExactly("part-0-0", "part-0-1", "part-0-2", "part-1-0", "part-1-1");
    assertThat(FileSink.readCommittedLines(out))
        .containsExactly("0@1", "0@2", "after restore", "1@1", "1@2");
  }

  @Test
  void severalWritersNeedADirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "x");
    assertThatThrownBy(() -> FileSink.<String>forTextLines(file).createWriter(subtask(0, 2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is a file, but with several writers the output is a directory");
  }

  @Test
  void pendingFilesAndWriterStatesSurviveJavaSerialization() throws Exception {
    var pending = new FileSink.PendingFile("/tmp/.part-0-x.inprogress", "/tmp/part-0-0");
    var state = new FileSink.WriterState(3, 17);
    var serializer = new JavaObjectSerializer<Object>(getClass().getClassLoader());
    assertThat(serializer.deserialize(1, serializer.serialize(pending))).isEqualTo(pending);
    assertThat(serializer.deserialize(1, serializer.serialize(state))).isEqualTo(state);
  }
}
