package io.sluice.spi.state;

import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * The plain {@link SnapshotTarget}: pieces of one operator subtask in one checkpoint of a {@link
 * CheckpointStorage}, named {@code <operator>-<subtask>-<piece>} so the subtasks of a job never
 * collide (characters other than letters, digits, {@code . _ -} in the operator id become {@code
 * _}, plus a hash of the id so that two uids cannot meet in one name). Shared pieces go to the
 * storage's shared area under the same prefix. Confined to the thread writing the snapshot, like
 * every target.
 */
public final class CheckpointStorageTarget implements SnapshotTarget {
  private final CheckpointStorage storage;
  private final String jobId;
  private final long checkpointId;
  private final SnapshotKind kind;
  private final String prefix;

  public CheckpointStorageTarget(
      CheckpointStorage storage,
      String jobId,
      long checkpointId,
      SnapshotKind kind,
      String operatorId,
      int subtaskIndex) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    this.checkpointId = checkpointId;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.prefix = safeName(operatorId) + "-" + subtaskIndex + "-";
  }

  @Override
  public long checkpointId() {
    return checkpointId;
  }

  @Override
  public SnapshotKind kind() {
    return kind;
  }

  @Override
  public StateOutputStream createPiece(String name) throws IOException {
    return storage.createStateStream(jobId, checkpointId, prefix + name);
  }

  @Override
  public StateOutputStream createSharedPiece(String name) throws IOException {
    return storage.createSharedStateStream(jobId, prefix + name);
  }

  /**
   * A piece-name-safe form of an operator id: letters, digits, {@code . _ -} kept, others replaced,
   * plus a hash of the original when anything was replaced.
   */
  static String safeName(String operatorId) {
    StringBuilder safe = new StringBuilder();
    boolean replaced = false;
    for (char c : operatorId.toCharArray()) {
      boolean ok = (Character.isLetterOrDigit(c) && c < 128) || c == '.' || c == '_' || c == '-';
      safe.append(ok ? c : '_');
      replaced |= !ok;
    }
    if (safe.length() == 0 || !Character.isLetterOrDigit(safe.charAt(0))) {
      safe.insert(0, 'u');
      replaced = true;
    }
    if (replaced) {
      safe.append('-').append(Integer.toHexString(operatorId.hashCode()));
    }
    return safe.toString();
  }
}
