package io.sluice.state.heap;

import io.sluice.spi.state.CanonicalSectionWriter;
import io.sluice.spi.state.CanonicalSnapshotReader;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.SnapshotStateInfo;
import io.sluice.spi.state.StateStreamOpener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The restored bytes of states not registered again yet, per state name and key group, kept as the
 * canonical sections they were read as: a state is typed only when the operator registers it with a
 * descriptor (which brings the serializers). A state that is never registered again is written
 * unchanged into later snapshots, so it is not lost. Confined to the task thread.
 */
final class RestoredSections {

  /** The sections of one restored state, by key group. */
  record RestoredState(SnapshotStateInfo info, TreeMap<Integer, Section> sections) {}

  /** A section's entry count and bytes. */
  record Section(int entries, byte[] bytes) {}

  private final Map<String, RestoredState> states = new LinkedHashMap<>();
  private final KeyGroupRange range;
  private final String owner;

  RestoredSections(KeyGroupRange range, String owner) {
    this.range = range;
    this.owner = owner;
  }

  /** Reads the key groups of this backend's range from canonical handles. */
  void read(List<KeyedStateHandle> handles, StateStreamOpener opener) throws IOException {
    for (KeyedStateHandle handle : handles) {
      if (!handle.isCanonical()) {
        throw new IllegalArgumentException(
            "the heap state backend cannot restore keyed state of "
                + owner
                + " in format '"
                + handle.format()
                + "': it reads only "
                + KeyedStateHandle.CANONICAL
                + ". Restore it with the backend that wrote it (rocksdb for rocksdb-incremental-v1),"
                + " or take a savepoint there (always canonical) and restore from that");
      }
      CanonicalSnapshotReader.Header header =
          CanonicalSnapshotReader.read(handle, opener, range, this::add);
      for (SnapshotStateInfo info : header.states()) {
        state(info);
      }
    }
  }

  private void add(int keyGroup, SnapshotStateInfo info, int entries, byte[] bytes) {
    RestoredState state = state(info);
    if (entries == 0) {
      return;
    }
    if (state.sections().putIfAbsent(keyGroup, new Section(entries, bytes)) != null) {
      throw new IllegalStateException(
          "key group "
              + keyGroup
              + " of state '"
              + info.name()
              + "' of "
              + owner
              + " appears in two restored snapshots; their key group ranges overlap");
    }
  }

  private RestoredState state(SnapshotStateInfo info) {
    RestoredState state =
        states.computeIfAbsent(info.name(), name -> new RestoredState(info, new TreeMap<>()));
    if (!state.info().equals(info)) {
      throw new IllegalStateException(
          "state '"
              + info.name()
              + "' of "
              + owner
              + " was snapshotted as "
              + state.info().describe()
              + " in one restored snapshot and as "
              + info.describe()
              + " in another");
    }
    return state;
  }

  /** The restored state of that name still waiting for registration, or null. */
  RestoredState get(String name) {
    return states.get(name);
  }

  /** Forgets the restored state of that name once it is loaded. */
  void remove(String name) {
    states.remove(name);
  }

  /** The states still waiting for registration, in restore order. */
  List<RestoredState> pending() {
    return List.copyOf(states.values());
  }

  /** Writes a pending state's section of {@code keyGroup} (possibly empty) unchanged. */
  static void copy(RestoredState state, int keyGroup, CanonicalSectionWriter section) {
    Section restored = state.sections().get(keyGroup);
    if (restored == null) {
      return;
    }
    section.rawEntries(restored.entries(), restored.bytes());
  }

  void clear() {
    states.clear();
  }
}
