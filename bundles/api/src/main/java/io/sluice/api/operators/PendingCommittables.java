package io.sluice.api.operators;

import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.SupportsCommitter;
import io.sluice.api.typeutils.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The committables a sink's writer prepared at checkpoints whose completion has not been notified
 * yet, by checkpoint id, each kept with its serialized form for the operator state. A later
 * completion subsumes earlier ones, so committables of an aborted checkpoint are committed with the
 * next completed one. Confined to the task thread.
 */
final class PendingCommittables<CommT> implements AutoCloseable {
  private final SupportsCommitter<CommT> sink;
  private final SimpleVersionedSerializer<CommT> serializer;
  private final NavigableMap<Long, List<CommT>> pending = new TreeMap<>();
  private final NavigableMap<Long, List<SinkStateEntry>> serialized = new TreeMap<>();
  private Committer<CommT> committer;

  PendingCommittables(SupportsCommitter<CommT> sink, ClassLoader userClassLoader) {
    this.sink = sink;
    this.serializer = sink.getCommittableSerializer(userClassLoader);
  }

  /** Keeps what the writer prepared at checkpoint {@code checkpointId}. */
  void add(long checkpointId, Collection<CommT> committables) throws IOException {
    if (committables.isEmpty()) {
      return;
    }
    List<SinkStateEntry> entries = new ArrayList<>(committables.size());
    for (CommT committable : committables) {
      entries.add(SinkStateEntry.of(checkpointId, committable, serializer));
    }
    pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(committables);
    serialized.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(entries);
  }

  /** Everything not committed yet, as operator state items. */
  List<SinkStateEntry> entries() {
    List<SinkStateEntry> all = new ArrayList<>();
    serialized.values().forEach(all::addAll);
    return all;
  }

  /** Commits the committables of every checkpoint up to and including {@code checkpointId}. */
  void commitUpTo(long checkpointId) throws IOException, InterruptedException {
    NavigableMap<Long, List<CommT>> due = pending.headMap(checkpointId, true);
    if (due.isEmpty()) {
      return;
    }
    List<CommT> committables = new ArrayList<>();
    for (Map.Entry<Long, List<CommT>> entry : due.entrySet()) {
      committables.addAll(entry.getValue());
    }
    committer().commit(committables);
    due.clear();
    serialized.headMap(checkpointId, true).clear();
  }

  /** Commits everything pending and then {@code last} (what the writer prepared at the end). */
  void commitAll(Collection<CommT> last) throws IOException, InterruptedException {
    if (!pending.isEmpty()) {
      commitUpTo(pending.lastKey());
    }
    if (!last.isEmpty()) {
      committer().commit(last);
    }
  }

  /**
   * Commits committables read back from a restored checkpoint. They may have been committed before
   * the failure; committers tolerate that.
   */
  void commitRestored(Iterable<SinkStateEntry> entries) throws IOException, InterruptedException {
    List<CommT> committables = new ArrayList<>();
    for (SinkStateEntry entry : entries) {
      committables.add(entry.read(serializer));
    }
    if (!committables.isEmpty()) {
      committer().commit(committables);
    }
  }

  private Committer<CommT> committer() throws IOException {
    if (committer == null) {
      committer = sink.createCommitter();
    }
    return committer;
  }

  @Override
  public void close() throws Exception {
    if (committer != null) {
      committer.close();
    }
  }
}
