package io.sluice.bench.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.checkpoint.StateHandle;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointFootprintTest {
  private static StateHandle piece(String location, long length) {
    return new StateHandle("fs", location, length, 0);
  }

  @Test
  void aFirstCheckpointWritesEverythingItLists() {
    CheckpointFootprint footprint =
        CheckpointFootprint.of(
            List.of(piece("job/chk-1/op-1-0", 1000), piece("job/shared/a.sst", 500)),
            40,
            List.of());

    assertThat(footprint).isEqualTo(new CheckpointFootprint(1540, 1540, 2));
  }

  @Test
  void piecesThePreviousCheckpointListedAreReferencedNotWritten() {
    List<StateHandle> previous =
        List.of(piece("job/chk-1/op-1-0", 1000), piece("job/shared/a.sst", 500));
    List<StateHandle> current =
        List.of(
            piece("job/chk-2/op-1-0", 900),
            piece("job/shared/a.sst", 500),
            piece("job/shared/b.sst", 70));

    CheckpointFootprint footprint = CheckpointFootprint.of(current, 30, previous);

    // total: 900 + 500 + 70 + 30; written: 900 + 70 + 30 (a.sst was uploaded before)
    assertThat(footprint).isEqualTo(new CheckpointFootprint(1500, 1000, 3));
  }
}
