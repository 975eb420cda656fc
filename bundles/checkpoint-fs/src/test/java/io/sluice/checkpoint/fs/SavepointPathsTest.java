package io.sluice.checkpoint.fs;

import static io.sluice.checkpoint.fs.CheckpointWriter.readAll;
import static io.sluice.checkpoint.fs.CheckpointWriter.text;
import static io.sluice.checkpoint.fs.CheckpointWriter.writeSimple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.checkpoint.CheckpointHandle;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.CheckpointStorage.OpenedCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Savepoints in other directories: atDirectory, pathOf and openCompleted. */
class SavepointPathsTest {
  @TempDir Path dir;

  @Test
  void aSavepointInAnotherDirectoryIsOpenedFromItsPrintedPathByAnyInstance() throws IOException {
    FsCheckpointStorage checkpoints = new FsCheckpointStorage(dir.resolve("checkpoints"));
    CheckpointStorage savepoints = checkpoints.atDirectory(dir.resolve("savepoints").toString());
    CheckpointHandle handle = writeSimple(savepoints, "job-1", 7);

    String path = savepoints.pathOf(handle);
    OpenedCheckpoint opened = new FsCheckpointStorage(dir.resolve("elsewhere")).openCompleted(path);

    assertThat(path).isEqualTo(dir.resolve("savepoints/job-1/chk-7").toString());
    assertThat(Files.exists(dir.resolve("checkpoints/job-1"))).isFalse();
    assertThat(opened.checkpoint().checkpointId()).isEqualTo(7);
    assertThat(text(opened.checkpoint().metadata())).isEqualTo("meta 7");
    assertThat(text(readAll(opened.storage(), opened.checkpoint().pieces().get(0))))
        .isEqualTo("state of op 1 subtask 0 at 7");
    assertThat(savepoints.name()).isEqualTo(FsCheckpointStorage.NAME);
  }

  @Test
  void theMetadataFileItselfIsAcceptedToo() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    CheckpointHandle handle = writeSimple(storage, "job-1", 3);

    OpenedCheckpoint opened = storage.openCompleted(storage.pathOf(handle) + "/_metadata");

    assertThat(opened.checkpoint().handle()).isEqualTo(handle);
  }

  @Test
  void aPathWithNothingThereSaysSo() {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    String missing = dir.resolve("nope/job-1/chk-1").toString();

    assertThatThrownBy(() -> storage.openCompleted(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing)
        .hasMessageContaining("nothing is there");
  }

  @Test
  void aFolderThatIsNoCheckpointSaysWhatWasFound() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    Path folder = Files.createDirectories(dir.resolve("some/folder"));
    Files.writeString(folder.resolve("notes.txt"), "x");

    assertThatThrownBy(() -> storage.openCompleted(folder.toString()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(
            "not a checkpoint or savepoint folder: found a folder holding [notes.txt]");
  }

  @Test
  void anIncompleteSavepointIsReportedAsIncomplete() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    CheckpointWriter.writePiece(storage, "job-1", 4, "op-1-0", new byte[] {1});

    assertThatThrownBy(() -> storage.openCompleted(dir.resolve("job-1/chk-4").toString()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("incomplete (no _metadata; found a folder holding [op-1-0])");
  }

  @Test
  void pathOfRefusesAnotherStoragesHandle() {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);

    assertThatThrownBy(() -> storage.pathOf(new CheckpointHandle("memory", "x", "job-1", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("committed by storage 'memory'");
  }
}
