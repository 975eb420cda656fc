package io.sluice.checkpoint.fs;

import static io.sluice.checkpoint.fs.CheckpointWriter.readAll;
import static io.sluice.checkpoint.fs.CheckpointWriter.text;
import static io.sluice.checkpoint.fs.CheckpointWriter.writeSimple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.checkpoint.CompletedCheckpoint;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.LatestValid;
import io.sluice.spi.checkpoint.SkippedCheckpoint;
import io.sluice.spi.checkpoint.StateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionTest {
  @TempDir Path dir;

  @Test
  void flippedByteInMetadataIsReportedWithFileAndBothChecksums() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    Path metadata = dir.resolve("job-1/chk-1/_metadata");
    byte[] original = Files.readAllBytes(metadata);
    long recordedCrc = crc32c(original, 20, original.length - 20);
    flipByte(metadata, original.length - 3);
    long damagedCrc = crc32c(Files.readAllBytes(metadata), 20, original.length - 20);

    assertThatThrownBy(() -> storage.readMetadata("job-1", 1))
        .isInstanceOfSatisfying(
            CorruptCheckpointException.class,
            e -> {
              assertThat(e.file()).isEqualTo(metadata.toString());
              assertThat(e.expected()).contains(String.format("crc32c 0x%08x", recordedCrc));
              assertThat(e.actual()).contains(String.format("crc32c 0x%08x", damagedCrc));
              assertThat(e.getMessage())
                  .contains(metadata.toString())
                  .contains("Recover from an earlier checkpoint");
            });
  }

  @Test
  void truncatedMetadataIsReportedWithExpectedAndActualLength() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    Path metadata = dir.resolve("job-1/chk-1/_metadata");
    byte[] original = Files.readAllBytes(metadata);
    Files.write(metadata, Arrays.copyOf(original, original.length - 10));

    assertThatThrownBy(() -> storage.readMetadata("job-1", 1))
        .isInstanceOfSatisfying(
            CorruptCheckpointException.class,
            e -> {
              assertThat(e.expected()).contains((original.length - 20) + " bytes");
              assertThat(e.actual()).contains((original.length - 30) + " bytes");
            });
  }

  @Test
  void metadataCutInsideItsHeaderIsCorruptNotAnEndOfFileError() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    Path metadata = dir.resolve("job-1/chk-1/_metadata");
    Files.write(metadata, Arrays.copyOf(Files.readAllBytes(metadata), 7));

    assertThatThrownBy(() -> storage.readMetadata("job-1", 1))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("a file of only 7 bytes");
  }

  @Test
  void latestValidFallsBackPastCorruptMetadataAndSaysWhy() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);
    writeSimple(storage, "job-1", 3);
    flipByte(dir.resolve("job-1/chk-3/_metadata"), 30);
    Path two = dir.resolve("job-1/chk-2/_metadata");
    Files.write(two, Arrays.copyOf(Files.readAllBytes(two), 25));

    LatestValid latest = storage.latestValid("job-1");

    assertThat(latest.checkpoint()).map(CompletedCheckpoint::checkpointId).contains(1L);
    assertThat(text(latest.checkpoint().orElseThrow().metadata())).isEqualTo("meta 1");
    assertThat(latest.skipped())
        .extracting(SkippedCheckpoint::checkpointId)
        .containsExactly(3L, 2L);
    assertThat(latest.skipped().get(0).reason())
        .contains(
            "job-1/chk-3/_metadata".replace('/', dir.getFileSystem().getSeparator().charAt(0)))
        .contains("is corrupt");
    assertThat(storage.completedCheckpoints("job-1"))
        .as("corrupt checkpoints stay for inspection")
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void corruptPieceIsDetectedByItsChecksumAndRecoveryFallsBack() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);
    Path piece = dir.resolve("job-1/chk-2/op-1-1");
    byte[] original = Files.readAllBytes(piece);
    flipByte(piece, 5);
    byte[] damaged = Files.readAllBytes(piece);

    LatestValid latest = storage.latestValid("job-1");

    assertThat(latest.checkpoint()).map(CompletedCheckpoint::checkpointId).contains(1L);
    assertThat(latest.skipped()).hasSize(1);
    assertThat(latest.skipped().get(0).reason())
        .contains(piece.toString())
        .contains(String.format("crc32c 0x%08x", crc32c(original, 0, original.length)))
        .contains(String.format("crc32c 0x%08x", crc32c(damaged, 0, damaged.length)));
  }

  @Test
  void readingACorruptPieceFailsWhenItsEndIsReached() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    StateHandle piece = storage.readMetadata("job-1", 1).pieces().get(0);
    flipByte(dir.resolve(piece.location()), 0);

    assertThatThrownBy(() -> readAll(storage, piece))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(CorruptCheckpointException.class);
  }

  @Test
  void readingATruncatedPieceFailsEvenWhenTheRemainingBytesAreIntact() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    StateHandle piece = storage.readMetadata("job-1", 1).pieces().get(0);
    Path file = dir.resolve(piece.location());
    Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 4));

    try (InputStream in = storage.openStateStream(piece)) {
      assertThat(in.readNBytes(4)).hasSize(4);
      assertThatThrownBy(in::read)
          .isInstanceOf(CorruptCheckpointException.class)
          .hasMessageContaining("found 4 bytes");
    }
  }

  @Test
  void missingPieceMakesRecoveryFallBack() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);
    Files.delete(dir.resolve("job-1/chk-2/op-1-0"));

    LatestValid latest = storage.latestValid("job-1");

    assertThat(latest.checkpoint()).map(CompletedCheckpoint::checkpointId).contains(1L);
    assertThat(latest.skipped().get(0).reason()).contains("piece file is missing");
  }

  @Test
  void noValidCheckpointLeavesNothingToRestoreButEveryReason() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    flipByte(dir.resolve("job-1/chk-1/_metadata"), 0);

    LatestValid latest = storage.latestValid("job-1");

    assertThat(latest.checkpoint()).isEmpty();
    assertThat(latest.skipped()).extracting(SkippedCheckpoint::checkpointId).containsExactly(1L);
    assertThat(latest.skipped().get(0).reason()).contains("magic");
  }

  @Test
  void metadataMovedToAnotherCheckpointIsRecognisedAsNotBelongingThere() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    writeSimple(storage, "job-1", 1);
    writeSimple(storage, "job-1", 2);
    Files.copy(
        dir.resolve("job-1/chk-1/_metadata"),
        dir.resolve("job-1/chk-2/_metadata"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> storage.readMetadata("job-1", 2))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("expected metadata of checkpoint 2 of job job-1")
        .hasMessageContaining("found metadata of checkpoint 1 of job job-1");
  }

  static void flipByte(Path file, int position) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      bytes[position] ^= 0x40;
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long crc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }
}
