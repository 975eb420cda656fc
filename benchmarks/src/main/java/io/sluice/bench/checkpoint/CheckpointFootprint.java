package io.sluice.bench.checkpoint;

import io.sluice.spi.checkpoint.StateHandle;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * How many bytes a completed checkpoint occupies and how many it had to write, from the pieces its
 * metadata lists: a canonical checkpoint lists only its own files; an incremental one also lists
 * the shared SST files of earlier checkpoints, which it references without writing them again.
 *
 * @param totalBytes every piece the checkpoint lists plus its metadata file: what a restore reads
 * @param writtenBytes the pieces the previous checkpoint did not list, plus the metadata file: what
 *     this checkpoint wrote
 * @param pieces how many pieces it lists
 */
record CheckpointFootprint(long totalBytes, long writtenBytes, int pieces) {

  /**
   * @param pieces the checkpoint's pieces
   * @param metadataBytes the size of its metadata file
   * @param previous the pieces of the job's previous checkpoint (empty for the first)
   */
  static CheckpointFootprint of(
      Collection<StateHandle> pieces, long metadataBytes, Collection<StateHandle> previous) {
    Set<String> before = new HashSet<>();
    for (StateHandle handle : previous) {
      before.add(handle.location());
    }
    long total = metadataBytes;
    long written = metadataBytes;
    for (StateHandle handle : pieces) {
      total += handle.length();
      if (!before.contains(handle.location())) {
        written += handle.length();
      }
    }
    return new CheckpointFootprint(total, written, pieces.size());
  }
}
