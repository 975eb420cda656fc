package io.sluice.spi.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.StateDescriptor.Kind;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical format on its own: layout, offsets, skipping and validation. */
class CanonicalSnapshotFormatTest {
  private static final KeyGroupRange RANGE = new KeyGroupRange(4, 9);
  private static final List<SnapshotStateInfo> STATES =
      List.of(
          new SnapshotStateInfo("v", Kind.VALUE, false),
          new SnapshotStateInfo("l", Kind.LIST, true),
          new SnapshotStateInfo("m", Kind.MAP, false));

  /** Pieces kept in memory by name. */
  private final Map<String, byte[]> pieces = new HashMap<>();

  private final SnapshotTarget target =
      new SnapshotTarget() {
        @Override
        public long checkpointId() {
          return 1;
        }

        @Override
        public SnapshotKind kind() {
          return SnapshotKind.SAVEPOINT;
        }

        @Override
        public StateOutputStream createPiece(String name) {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          return new StateOutputStream() {
            @Override
            public void write(int b) {
              bytes.write(b);
            }

            @Override
            public StateHandle closeAndGetHandle() {
              pieces.put(name, bytes.toByteArray());
              return new StateHandle("memory", name, bytes.size(), 0);
            }

            @Override
            public void close() {}
          };
        }
      };

  private final StateStreamOpener opener =
      piece -> new ByteArrayInputStream(pieces.get(piece.location()));

  /**
   * Key group g holds, for "v", one key "k<g>" with value "v<g>"; others: g=5 has a list and map.
   */
  private KeyedStateHandle write() throws IOException {
    return CanonicalSnapshotWriter.writePiece(
        target,
        RANGE,
        STATES,
        (group, state, section) -> {
          if (state == 0) {
            section.key(utf8("k" + group), 0, utf8("k" + group).length);
            section.frame(utf8("v" + group), 0, utf8("v" + group).length);
          } else if (state == 1 && group == 5) {
            section.key(utf8("k5"), 0, 2);
            section.count(2);
            section.beginFrame().writeLong(1234);
            section.endFrame();
            section.beginFrame().writeLong(5678);
            section.endFrame();
          } else if (state == 2 && group == 5) {
            section.key(utf8("k5"), 0, 2);
            section.count(1);
            section.frame(utf8("mk"), 0, 2);
            section.frame(utf8("mv"), 0, 2);
          }
        });
  }

  /** Visits the sections of {@code wanted}: "group/state/entries". */
  private List<String> read(KeyedStateHandle handle, KeyGroupRange wanted) throws IOException {
    List<String> seen = new ArrayList<>();
    CanonicalSnapshotReader.read(
        handle,
        opener,
        wanted,
        (group, state, entries, bytes) -> seen.add(group + "/" + state.name() + "/" + entries));
    return seen;
  }

  private byte[] piece(KeyedStateHandle handle) {
    return pieces.get(handle.pieces().get(0).location());
  }

  @Test
  void sectionsComeBackKeyGroupByKeyGroupInHeaderOrder() throws IOException {
    KeyedStateHandle handle = write();

    assertThat(read(handle, RANGE))
        .containsExactly(
            "4/v/1", "4/l/0", "4/m/0", "5/v/1", "5/l/1", "5/m/1", "6/v/1", "6/l/0", "6/m/0",
            "7/v/1", "7/l/0", "7/m/0", "8/v/1", "8/l/0", "8/m/0", "9/v/1", "9/l/0", "9/m/0");
  }

  @Test
  void theMetadataHoldsTheOffsetOfEveryKeyGroupBlock() throws IOException {
    KeyedStateHandle handle = write();
    long[] offsets = CanonicalSnapshotReader.offsetsOf(handle);
    byte[] bytes = piece(handle);

    assertThat(offsets).hasSize(6);
    for (int i = 0; i < offsets.length; i++) {
      int at = (int) offsets[i];
      int group =
          ((bytes[at] & 0xff) << 24)
              | ((bytes[at + 1] & 0xff) << 16)
              | ((bytes[at + 2] & 0xff) << 8)
              | (bytes[at + 3] & 0xff);
      assertThat(group).isEqualTo(4 + i);
    }
  }

  @Test
  void aRescaledReadGetsOnlyTheIntersectingKeyGroups() throws IOException {
    KeyedStateHandle handle = write();

    assertThat(read(handle, new KeyGroupRange(7, 20)))
        .containsExactly(
            "7/v/1", "7/l/0", "7/m/0", "8/v/1", "8/l/0", "8/m/0", "9/v/1", "9/l/0", "9/m/0");
    assertThat(read(handle, new KeyGroupRange(0, 4))).containsExactly("4/v/1", "4/l/0", "4/m/0");
    assertThat(read(handle, new KeyGroupRange(20, 30))).isEmpty();
  }

  @Test
  void sectionsMustBeWrittenInOrder() throws IOException {
    CanonicalSnapshotWriter writer =
        new CanonicalSnapshotWriter(new ByteArrayOutputStream(), RANGE, STATES);

    assertThatThrownBy(() -> writer.writeSection(5, 0, 0, new byte[0], 0, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected key group 4 state 0, got key group 5 state 0");
    assertThatThrownBy(writer::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("finished at key group 4 state 0");
  }

  @Test
  void everyTruncationIsReportedAsCorrupt() throws IOException {
    KeyedStateHandle handle = write();
    byte[] whole = piece(handle);
    for (int length = 0; length < whole.length; length++) {
      pieces.put(handle.pieces().get(0).location(), Arrays.copyOf(whole, length));
      assertThatThrownBy(() -> read(handle, RANGE))
          .as("truncated to %d of %d bytes", length, whole.length)
          .isInstanceOf(CorruptCheckpointException.class);
    }
  }

  @Test
  void bytesAfterTheTrailerAreReported() throws IOException {
    KeyedStateHandle handle = write();
    byte[] whole = piece(handle);
    pieces.put(handle.pieces().get(0).location(), Arrays.copyOf(whole, whole.length + 1));

    assertThatThrownBy(() -> read(handle, RANGE))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("expected end of piece after the trailer");
  }

  @Test
  void aSectionWhoseCountsDisagreeWithItsBytesIsReported() throws IOException {
    KeyedStateHandle handle = write();
    byte[] bytes = piece(handle).clone();
    int group5 = (int) CanonicalSnapshotReader.offsetsOf(handle)[1];
    bytes[group5 + 4 + 3] = 2; // "v" in group 5 claims 2 entries but holds 1
    pieces.put(handle.pieces().get(0).location(), bytes);

    assertThatThrownBy(() -> read(handle, RANGE))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("expected 2 entries of VALUE without ttl 'v' in key group 5");
  }

  @Test
  void anotherVersionIsReported() throws IOException {
    KeyedStateHandle handle = write();
    byte[] bytes = piece(handle).clone();
    bytes[7] = 9;
    pieces.put(handle.pieces().get(0).location(), bytes);

    assertThatThrownBy(() -> read(handle, RANGE))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("expected canonical format version 1")
        .hasMessageContaining("version 9");
  }

  @Test
  void metadataOfAnotherRangeIsReported() throws IOException {
    KeyedStateHandle handle = write();
    KeyedStateHandle wrong =
        new KeyedStateHandle(
            KeyedStateHandle.CANONICAL,
            RANGE,
            handle.pieces(),
            Arrays.copyOf(handle.metadata(), handle.metadata().length - 8));

    assertThatThrownBy(() -> read(wrong, new KeyGroupRange(6, 6)))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("metadata of canonical keyed state");
  }

  @Test
  void aNonCanonicalHandleIsRefused() {
    KeyedStateHandle handle = new KeyedStateHandle("other-v1", RANGE, List.of(), new byte[0]);

    assertThatThrownBy(() -> read(handle, RANGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 'other-v1' is not canonical");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
