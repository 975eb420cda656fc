package io.sluice.checkpoint.fs;

import static io.sluice.checkpoint.fs.CheckpointWriter.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.checkpoint.fs.MetadataFormat.Contents;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.StateHandle;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataFormatTest {
  private static final Contents CONTENTS =
      new Contents(
          "job-7",
          12,
          List.of(
              new StateHandle("fs", "job-7/chk-12/a", 3, 0xfedcba98L),
              new StateHandle("fs", "job-7/chk-12/b", 0, 0)),
          utf8("opaque"));

  @Test
  void decodingReturnsWhatWasEncoded() throws Exception {
    Contents decoded = MetadataFormat.decode(MetadataFormat.encode(CONTENTS), "f", "fs");

    assertThat(decoded.jobId()).isEqualTo("job-7");
    assertThat(decoded.checkpointId()).isEqualTo(12);
    assertThat(decoded.pieces()).isEqualTo(CONTENTS.pieces());
    assertThat(decoded.metadata()).isEqualTo(utf8("opaque"));
  }

  @Test
  void headerStartsWithMagicAndVersionAndRecordsThePayloadLength() throws Exception {
    byte[] bytes = MetadataFormat.encode(CONTENTS);

    assertThat(Arrays.copyOf(bytes, 4)).isEqualTo(utf8("SLCK"));
    assertThat(Arrays.copyOfRange(bytes, 4, 8)).containsExactly(0, 0, 0, 1);
    assertThat(java.nio.ByteBuffer.wrap(bytes, 8, 8).getLong()).isEqualTo(bytes.length - 20);
  }

  @Test
  void everySingleFlippedByteIsDetected() throws Exception {
    byte[] good = MetadataFormat.encode(CONTENTS);

    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x01;
      Throwable thrown = catchThrowable(() -> MetadataFormat.decode(bad, "f", "fs"));
      if (i >= 4 && i < 8) {
        assertThat(thrown).as("version byte %d", i).hasMessageContaining("format version");
      } else {
        assertThat(thrown).as("byte %d", i).isInstanceOf(CorruptCheckpointException.class);
      }
    }
  }

  @Test
  void everyTruncationIsDetected() throws Exception {
    byte[] good = MetadataFormat.encode(CONTENTS);

    for (int length = 0; length < good.length; length++) {
      byte[] cut = Arrays.copyOf(good, length);
      assertThatThrownBy(() -> MetadataFormat.decode(cut, "f", "fs"))
          .as("length %d", length)
          .isInstanceOf(CorruptCheckpointException.class);
    }
  }

  @Test
  void newerFormatVersionIsRefusedWithAdviceRatherThanCalledCorrupt() throws IOException {
    byte[] bytes = MetadataFormat.encode(CONTENTS);
    bytes[7] = 2;

    assertThatThrownBy(() -> MetadataFormat.decode(bytes, "f", "fs"))
        .isNotInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("format version 2")
        .hasMessageContaining("Sluice version that wrote it");
  }
}
