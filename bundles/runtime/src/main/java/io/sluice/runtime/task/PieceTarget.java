package io.sluice.runtime.task;

import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.StateOutputStream;
import io.sluice.spi.state.SnapshotKind;
import io.sluice.spi.state.SnapshotTarget;
import java.io.IOException;

/**
 * The storage of one checkpoint seen by one operator subtask: piece names get a prefix made of the
 * operator id and subtask, so all subtasks write into the same checkpoint without clashes.
 */
final class PieceTarget implements SnapshotTarget {
  private final CheckpointStorage storage;
  private final String jobId;
  private final long checkpointId;
  private final SnapshotKind kind;
  private final String prefix;

  PieceTarget(
      CheckpointStorage storage,
      String jobId,
      long checkpointId,
      SnapshotKind kind,
      String operatorId,
      int subtask) {
    this.storage = storage;
    this.jobId = jobId;
    this.checkpointId = checkpointId;
    this.kind = kind;
    this.prefix = safeName(operatorId) + "-" + subtask + "-";
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

  /**
   * A piece-name-safe form of an operator id: letters, digits, {@code . _ -} kept, others replaced,
   * plus a hash of the original when anything was replaced (so two uids cannot collide).
   */
  static String safeName(String operatorId) {
    StringBuilder safe = new StringBuilder();
    boolean replaced = false;
    for (char c : operatorId.toCharArray()) {
      boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-';
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
