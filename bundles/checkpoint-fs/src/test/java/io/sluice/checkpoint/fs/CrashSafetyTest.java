package io.sluice.checkpoint.fs;

import static io.sluice.checkpoint.fs.CheckpointWriter.readAll;
import static io.sluice.checkpoint.fs.CheckpointWriter.text;
import static io.sluice.checkpoint.fs.CheckpointWriter.utf8;
import static io.sluice.checkpoint.fs.CheckpointWriter.writePiece;
import static io.sluice.checkpoint.fs.CheckpointWriter.writeSimple;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.checkpoint.CompletedCheckpoint;
import io.sluice.spi.checkpoint.LatestValid;
import io.sluice.spi.checkpoint.StateHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash is simulated by leaving on disk what a process killed mid-checkpoint leaves behind. */
class CrashSafetyTest {
  @TempDir Path dir;

  /** Checkpoint 3 was being committed: pieces, one cut short, and a half-written temp file. */
  private void crashWhileCommittingCheckpoint3() throws Exception {
    Path chk3 = Files.createDirectories(dir.resolve("job-1/chk-3"));
    Files.write(chk3.resolve("op-1-0"), utf8("complete piece"));
    Files.write(chk3.resolve("op-1-1"), utf8("partial pie"));
    Files.write(chk3.resolve("_metadata.tmp"), new byte[] {'S', 'L', 'C'});
  }

  @Test
  void checkpointWithOnlyATemporaryMetadataFileIsNotComplete() throws Exception {
    FsCheckpointStorage before = new FsCheckpointStorage(dir);
    writeSimple(before, "job-1", 1);
    writeSimple(before, "job-1", 2);
    crashWhileCommittingCheckpoint3();

    FsCheckpointStorage restarted = new FsCheckpointStorage(dir);
    LatestValid latest = restarted.latestValid("job-1");

    assertThat(restarted.completedCheckpoints("job-1")).containsExactly(1L, 2L);
    assertThat(latest.checkpoint()).map(CompletedCheckpoint::checkpointId).contains(2L);
    assertThat(latest.skipped()).as("an incomplete checkpoint is not a failure").isEmpty();
  }

  @Test
  void retentionAfterRestartCleansUpTheIncompleteCheckpoint() throws Exception {
    writeSimple(new FsCheckpointStorage(dir), "job-1", 2);
    crashWhileCommittingCheckpoint3();

    FsCheckpointStorage restarted = new FsCheckpointStorage(dir);
    List<Long> dropped = restarted.retain("job-1", 5);

    assertThat(dropped).as("only completed checkpoints count as dropped").isEmpty();
    assertThat(dir.resolve("job-1/chk-3")).doesNotExist();
    assertThat(restarted.completedCheckpoints("job-1")).containsExactly(2L);
  }

  @Test
  void reusingTheIdOfACrashedCheckpointStartsFromAnEmptyDirectory() throws Exception {
    crashWhileCommittingCheckpoint3();

    FsCheckpointStorage restarted = new FsCheckpointStorage(dir);
    StateHandle piece = writePiece(restarted, "job-1", 3, "op-1-1", utf8("fresh"));
    restarted.commitMetadata("job-1", 3, List.of(piece), utf8("m3"));

    CompletedCheckpoint read = restarted.readMetadata("job-1", 3);
    assertThat(read.pieces()).containsExactly(piece);
    assertThat(text(readAll(restarted, piece))).isEqualTo("fresh");
    try (var files = Files.list(dir.resolve("job-1/chk-3"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("op-1-1", "_metadata");
    }
  }

  @Test
  void commitLeavesNoTemporaryFileBehind() throws Exception {
    writeSimple(new FsCheckpointStorage(dir), "job-1", 1);

    assertThat(dir.resolve("job-1/chk-1/_metadata")).exists();
    assertThat(dir.resolve("job-1/chk-1/_metadata.tmp")).doesNotExist();
  }

  @Test
  void commitOverwritesAStaleTemporaryFileOfAnEarlierAttempt() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    StateHandle piece = writePiece(storage, "job-1", 1, "op-0", utf8("x"));
    Files.write(dir.resolve("job-1/chk-1/_metadata.tmp"), new byte[4096]);

    storage.commitMetadata("job-1", 1, List.of(piece), utf8("after retry"));

    assertThat(text(storage.readMetadata("job-1", 1).metadata())).isEqualTo("after retry");
  }

  @Test
  void discardHalfDoneLeavesAnIncompleteCheckpointNotABrokenCompleteOne() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);
    // discard deletes _metadata first; a crash right after leaves just the pieces
    Files.delete(dir.resolve("job-1/chk-2/_metadata"));

    FsCheckpointStorage restarted = new FsCheckpointStorage(dir);

    assertThat(restarted.latestValid("job-1").checkpoint())
        .map(CompletedCheckpoint::checkpointId)
        .contains(1L);
    assertThat(restarted.latestValid("job-1").skipped()).isEmpty();
  }
}
