package io.sluice.checkpoint.fs;

import static io.sluice.checkpoint.fs.CheckpointWriter.readAll;
import static io.sluice.checkpoint.fs.CheckpointWriter.text;
import static io.sluice.checkpoint.fs.CheckpointWriter.utf8;
import static io.sluice.checkpoint.fs.CheckpointWriter.writeCheckpoint;
import static io.sluice.checkpoint.fs.CheckpointWriter.writePiece;
import static io.sluice.checkpoint.fs.CheckpointWriter.writeSimple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.checkpoint.CheckpointHandle;
import io.sluice.spi.checkpoint.CompletedCheckpoint;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsCheckpointStorageTest {
  @TempDir Path dir;

  @Test
  void committedCheckpointReadsBackItsMetadataAndEveryPiece() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    byte[] big = new byte[300_000];
    new Random(7).nextBytes(big);
    Map<String, byte[]> pieces = new LinkedHashMap<>();
    pieces.put("source-0", utf8("offset=42"));
    pieces.put("window-3", big);
    pieces.put("empty", new byte[0]);

    CheckpointHandle handle = writeCheckpoint(storage, "job-1", 5, pieces, utf8("coordinator"));
    CompletedCheckpoint read = storage.readMetadata("job-1", 5);

    assertThat(handle)
        .isEqualTo(new CheckpointHandle("fs", "job-1/chk-5", "job-1", 5))
        .isEqualTo(read.handle());
    assertThat(text(read.metadata())).isEqualTo("coordinator");
    assertThat(read.pieces())
        .extracting(StateHandle::location)
        .containsExactly("job-1/chk-5/source-0", "job-1/chk-5/window-3", "job-1/chk-5/empty");
    assertThat(readAll(storage, read.pieces().get(0))).isEqualTo(utf8("offset=42"));
    assertThat(readAll(storage, read.pieces().get(1))).isEqualTo(big);
    assertThat(readAll(storage, read.pieces().get(2))).isEmpty();
    assertThat(storage.completedCheckpoints("job-1")).containsExactly(5L);
  }

  @Test
  void pieceHandleRecordsLengthAndCrc32cOfTheBytesWritten() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    byte[] bytes = utf8("some keyed state");
    CRC32C crc = new CRC32C();
    crc.update(bytes);

    StateHandle handle;
    try (StateOutputStream out = storage.createStateStream("job-1", 1, "op-0")) {
      out.write(bytes, 0, 4);
      for (int i = 4; i < bytes.length; i++) {
        out.write(bytes[i]);
      }
      handle = out.closeAndGetHandle();
    }

    assertThat(handle).isEqualTo(new StateHandle("fs", "job-1/chk-1/op-0", 16, crc.getValue()));
    assertThat(dir.resolve("job-1/chk-1/op-0")).hasBinaryContent(bytes);
  }

  @Test
  void closingAStreamWithoutTakingItsHandleAbandonsThePiece() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);

    try (StateOutputStream out = storage.createStateStream("job-1", 1, "op-0")) {
      out.write(utf8("half a snapshot"));
    }

    assertThat(dir.resolve("job-1/chk-1/op-0")).doesNotExist();
  }

  @Test
  void completedCheckpointsAreListedOldestFirstByNumberNotByName() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    for (long id : new long[] {10, 9, 100, 2}) {
      writeSimple(storage, "job-1", id);
    }
    writeSimple(storage, "job-2", 1);

    assertThat(storage.completedCheckpoints("job-1")).containsExactly(2L, 9L, 10L, 100L);
    assertThat(storage.completedCheckpoints("job-2")).containsExactly(1L);
    assertThat(storage.completedCheckpoints("job-3")).isEmpty();
  }

  @Test
  void newInstanceOnTheSameDirectoryReadsHandlesIssuedBeforeARestart() throws Exception {
    StateHandle before;
    try (StateOutputStream out =
        new FsCheckpointStorage(dir).createStateStream("job-1", 3, "op-0")) {
      out.write(utf8("before restart"));
      before = out.closeAndGetHandle();
    }
    new FsCheckpointStorage(dir).commitMetadata("job-1", 3, List.of(before), utf8("m"));

    FsCheckpointStorage restarted = new FsCheckpointStorage(dir);
    CompletedCheckpoint latest = restarted.latestValid("job-1").checkpoint().orElseThrow();

    assertThat(latest.pieces()).containsExactly(before);
    assertThat(text(readAll(restarted, before))).isEqualTo("before restart");
    assertThat(restarted.name()).isEqualTo(before.storage());
  }

  @Test
  void secondCommitOfTheSameCheckpointIsRefusedAndTheFirstStays() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);

    assertThatThrownBy(() -> storage.commitMetadata("job-1", 1, List.of(), utf8("other")))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("checkpoint 1 of job job-1 is already complete");
    assertThatThrownBy(() -> storage.createStateStream("job-1", 1, "late"))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(text(storage.readMetadata("job-1", 1).metadata())).isEqualTo("meta 1");
  }

  @Test
  void checkpointWithoutPiecesCanBeCommitted() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);

    storage.commitMetadata("job-1", 1, List.of(), utf8("stateless job"));

    assertThat(storage.readMetadata("job-1", 1).pieces()).isEmpty();
    assertThat(storage.completedCheckpoints("job-1")).containsExactly(1L);
  }

  @Test
  void commitRefusesPiecesOfAnotherCheckpointOrStorage() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    StateHandle ofOne = writePiece(storage, "job-1", 1, "op-0", utf8("x"));
    StateHandle foreign = new StateHandle("memory", "job-1/chk-2/op-0", 1, 0);

    assertThatThrownBy(() -> storage.commitMetadata("job-1", 2, List.of(ofOne), utf8("m")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to checkpoint 2 of job job-1");
    assertThatThrownBy(() -> storage.commitMetadata("job-1", 2, List.of(foreign), utf8("m")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'memory'");
    assertThat(storage.completedCheckpoints("job-1")).isEmpty();
  }

  @Test
  void readingAnIncompleteCheckpointSaysItIsNotComplete() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writePiece(storage, "job-1", 4, "op-0", utf8("x"));

    assertThatThrownBy(() -> storage.readMetadata("job-1", 4))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("checkpoint 4 of job job-1 is not complete");
  }

  @Test
  void namesThatCouldEscapeTheDirectoryOrShadowMetadataAreRefused() {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);

    for (String name : List.of("..", "../x", "_metadata", ".hidden", "a/b", "")) {
      assertThatThrownBy(() -> storage.createStateStream("job-1", 1, name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> storage.createStateStream(name, 1, "op"))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    StateHandle escaping = new StateHandle("fs", "../outside", 0, 0);
    assertThatThrownBy(() -> storage.openStateStream(escaping))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the checkpoint directory");
  }

  @Test
  void discardRemovesTheWholeCheckpointDirectory() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);

    storage.discard("job-1", 1);
    storage.discard("job-1", 99);

    assertThat(dir.resolve("job-1/chk-1")).doesNotExist();
    assertThat(storage.completedCheckpoints("job-1")).containsExactly(2L);
    assertThat(Files.exists(dir.resolve("job-1/chk-2/op-1-0"))).isTrue();
  }
}
