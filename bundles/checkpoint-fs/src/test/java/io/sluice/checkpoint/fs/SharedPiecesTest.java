package io.sluice.checkpoint.fs;

import static io.sluice.checkpoint.fs.CheckpointWriter.readAll;
import static io.sluice.checkpoint.fs.CheckpointWriter.text;
import static io.sluice.checkpoint.fs.CheckpointWriter.utf8;
import static io.sluice.checkpoint.fs.CheckpointWriter.writePiece;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pieces shared by several checkpoints, reference-counted by the metadata that lists them. */
class SharedPiecesTest {
  private static final String JOB = "job-1";
  @TempDir Path dir;

  private StateHandle shared(FsCheckpointStorage storage, String name) throws IOException {
    try (StateOutputStream out = storage.createSharedStateStream(JOB, name)) {
      out.write(utf8("contents of " + name));
      return out.closeAndGetHandle();
    }
  }

  private void commit(FsCheckpointStorage storage, long id, StateHandle... sharedPieces)
      throws IOException {
    StateHandle own = writePiece(storage, JOB, id, "own", utf8("own " + id));
    List<StateHandle> pieces = new java.util.ArrayList<>(List.of(sharedPieces));
    pieces.add(own);
    storage.commitMetadata(JOB, id, pieces, utf8("meta " + id));
  }

  @Test
  void sharedPiecesLiveInTheJobsSharedFolderAndReadBackVerified() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    StateHandle a = shared(storage, "a.sst");
    commit(storage, 1, a);

    assertThat(a.location()).isEqualTo("job-1/shared/a.sst");
    assertThat(text(readAll(storage, a))).isEqualTo("contents of a.sst");
    assertThat(storage.latestValid(JOB).checkpoint()).isPresent();
  }

  @Test
  void retainKeepsSharedPiecesARetainedCheckpointListsAndDeletesTheOthers() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    StateHandle a = shared(storage, "a.sst");
    StateHandle b = shared(storage, "b.sst");
    commit(storage, 1, a, b);
    StateHandle c = shared(storage, "c.sst");
    commit(storage, 2, a, c); // b was compacted away, a is still in use

    assertThat(storage.retain(JOB, 1)).containsExactly(1L);

    assertThat(dir.resolve("job-1/shared/a.sst")).exists();
    assertThat(dir.resolve("job-1/shared/b.sst")).doesNotExist();
    assertThat(dir.resolve("job-1/shared/c.sst")).exists();
    assertThat(text(readAll(storage, a))).isEqualTo("contents of a.sst");
    assertThat(storage.latestValid(JOB).checkpoint().orElseThrow().checkpointId()).isEqualTo(2);
  }

  @Test
  void aSharedPieceGoesWithTheLastCheckpointListingIt() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    StateHandle a = shared(storage, "a.sst");
    commit(storage, 1, a);
    commit(storage, 2, a);
    commit(storage, 3);

    storage.retain(JOB, 2);
    assertThat(dir.resolve("job-1/shared/a.sst")).exists();
    storage.retain(JOB, 1);
    assertThat(dir.resolve("job-1/shared/a.sst")).doesNotExist();
    assertThat(storage.completedCheckpoints(JOB)).containsExactly(3L);
  }

  @Test
  void sharedPiecesOfUncommittedCheckpointsAreNotTouchedByRetention() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    commit(storage, 1);
    shared(storage, "in-flight.sst"); // written for checkpoint 2, not committed yet
    commit(storage, 3);

    storage.retain(JOB, 1);

    assertThat(dir.resolve("job-1/shared/in-flight.sst")).exists();
  }

  @Test
  void aSharedPieceIsWrittenOnce() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    shared(storage, "a.sst");

    assertThatThrownBy(() -> shared(storage, "a.sst"))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void anotherJobsSharedPieceCannotBeCommitted() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    StateHandle foreign;
    try (StateOutputStream out = storage.createSharedStateStream("job-2", "x.sst")) {
      out.write(1);
      foreign = out.closeAndGetHandle();
    }

    assertThatThrownBy(() -> commit(storage, 1, foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job-2/shared/x.sst does not belong to checkpoint 1 of job job-1");
  }
}
