package io.sluice.checkpoint.fs;

import static io.sluice.checkpoint.fs.CheckpointWriter.utf8;
import static io.sluice.checkpoint.fs.CheckpointWriter.writePiece;
import static io.sluice.checkpoint.fs.CheckpointWriter.writeSimple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
  @TempDir Path dir;

  @Test
  void retainKeepsExactlyTheNNewestAndDeletesTheRest() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    for (long id = 1; id <= 7; id++) {
      writeSimple(storage, "job-1", id);
    }

    List<Long> dropped = storage.retain("job-1", 3);

    assertThat(dropped).containsExactly(1L, 2L, 3L, 4L);
    assertThat(storage.completedCheckpoints("job-1")).containsExactly(5L, 6L, 7L);
    LongStream.rangeClosed(1, 4)
        .forEach(id -> assertThat(dir.resolve("job-1/chk-" + id)).doesNotExist());
    LongStream.rangeClosed(5, 7)
        .forEach(id -> assertThat(dir.resolve("job-1/chk-" + id + "/op-1-0")).exists());
  }

  @Test
  void retainingMoreThanExistDeletesNothing() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);

    assertThat(storage.retain("job-1", 3)).isEmpty();
    assertThat(storage.retain("job-2", 1)).isEmpty();
    assertThat(storage.completedCheckpoints("job-1")).containsExactly(1L, 2L);
  }

  @Test
  void retainOnlyTouchesTheGivenJob() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);
    writeSimple(storage, "job-2", 1);

    storage.retain("job-1", 1);

    assertThat(storage.completedCheckpoints("job-1")).containsExactly(2L);
    assertThat(storage.completedCheckpoints("job-2")).containsExactly(1L);
  }

  @Test
  void retainLeavesACheckpointStillBeingWrittenAlone() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);
    StateHandle written = writePiece(storage, "job-1", 3, "op-1-0", utf8("done"));

    try (StateOutputStream open = storage.createStateStream("job-1", 3, "op-1-1")) {
      open.write(utf8("being writ"));
      storage.retain("job-1", 1);
      open.write(utf8("ten"));
      StateHandle second = open.closeAndGetHandle();
      storage.commitMetadata("job-1", 3, List.of(written, second), utf8("m3"));
    }

    assertThat(storage.completedCheckpoints("job-1")).containsExactly(2L, 3L);
    assertThat(storage.latestValid("job-1").skipped()).isEmpty();
  }

  @Test
  void retainRemovesACheckpointTheCoordinatorAbandonedByDiscarding() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writePiece(storage, "job-1", 2, "op-1-0", utf8("aborted"));

    storage.discard("job-1", 2);
    storage.retain("job-1", 1);

    assertThat(dir.resolve("job-1/chk-2")).doesNotExist();
    assertThat(storage.completedCheckpoints("job-1")).containsExactly(1L);
  }

  @Test
  void retainingNoneIsRefused() {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);

    assertThatThrownBy(() -> storage.retain("job-1", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retain at least 1");
  }
}
