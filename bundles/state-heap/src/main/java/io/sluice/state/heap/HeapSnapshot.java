package io.sluice.state.heap;

import io.sluice.spi.state.CanonicalSnapshotWriter;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotStateInfo;
import io.sluice.spi.state.SnapshotTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy-on-snapshot view of a heap backend: the per-key-group tables of every registered state,
 * copied on the task thread (see {@link StateTable#copyForSnapshot}), plus the restored states not
 * registered again. {@link #write} serializes it in the canonical format on whatever thread calls
 * it, with serializer duplicates of its own. Used by one writing thread; {@link #release} may come
 * from any thread.
 */
final class HeapSnapshot<K> implements KeyedStateSnapshot {

  /** One registered state's copy and the codec that writes it. */
  record CopiedState<K>(HeapSectionCodec<K> codec, List<KeyGroupMap<K, Object>> groups) {}

  private final KeyGroupRange range;
  private final List<CopiedState<K>> copied;
  private final List<RestoredSections.RestoredState> pending;
  private volatile boolean released;

  HeapSnapshot(
      KeyGroupRange range,
      List<CopiedState<K>> copied,
      List<RestoredSections.RestoredState> pending) {
    this.range = range;
    this.copied = List.copyOf(copied);
    this.pending = List.copyOf(pending);
  }

  @Override
  public KeyedStateHandle write(SnapshotTarget target) throws IOException {
    if (released) {
      throw new IllegalStateException("the heap snapshot was released before it was written");
    }
    List<SnapshotStateInfo> infos = new ArrayList<>();
    copied.forEach(state -> infos.add(state.codec().info()));
    pending.forEach(state -> infos.add(state.info()));
    int start = range.startKeyGroup();
    return CanonicalSnapshotWriter.writePiece(
        target,
        range,
        infos,
        (keyGroup, stateIndex, section) -> {
          if (stateIndex < copied.size()) {
            CopiedState<K> state = copied.get(stateIndex);
            state.codec().write(state.groups().get(keyGroup - start), section);
          } else {
            RestoredSections.copy(pending.get(stateIndex - copied.size()), keyGroup, section);
          }
        });
  }

  /** Drops the copies (the pending sections are shared with the backend and stay). */
  @Override
  public void release() {
    released = true;
    for (CopiedState<K> state : copied) {
      state.groups().clear();
    }
  }
}
