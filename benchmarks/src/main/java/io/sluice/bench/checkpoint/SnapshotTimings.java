package io.sluice.bench.checkpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time spent in the keyed state backends of one job, summed over subtasks: the synchronous part of
 * each snapshot (on the task thread), the asynchronous write of each snapshot, and the last
 * restore. Written by task and snapshot threads, read by the benchmark driver; thread-safe.
 */
final class SnapshotTimings {
  private final Map<Long, AtomicLong> syncNanos = new ConcurrentHashMap<>();
  private final Map<Long, AtomicLong> asyncNanos = new ConcurrentHashMap<>();
  private final Map<Long, AtomicLong> keyedBytes = new ConcurrentHashMap<>();
  private final AtomicLong restoreNanos = new AtomicLong();

  void addSync(long checkpointId, long nanos) {
    syncNanos.computeIfAbsent(checkpointId, id -> new AtomicLong()).addAndGet(nanos);
  }

  void addAsync(long checkpointId, long nanos) {
    asyncNanos.computeIfAbsent(checkpointId, id -> new AtomicLong()).addAndGet(nanos);
  }

  void addKeyedBytes(long checkpointId, long bytes) {
    keyedBytes.computeIfAbsent(checkpointId, id -> new AtomicLong()).addAndGet(bytes);
  }

  /** Bytes of the keyed state pieces checkpoint {@code id} lists, or -1 if none was written. */
  long keyedBytes(long checkpointId) {
    AtomicLong bytes = keyedBytes.get(checkpointId);
    return bytes == null ? -1 : bytes.get();
  }

  void addRestore(long nanos) {
    restoreNanos.addAndGet(nanos);
  }

  /** Task-thread time of checkpoint {@code id}'s keyed snapshots, or -1 if none was taken. */
  long syncNanos(long checkpointId) {
    AtomicLong nanos = syncNanos.get(checkpointId);
    return nanos == null ? -1 : nanos.get();
  }

  /** Time the keyed snapshots of checkpoint {@code id} took to write, or -1 if none was written. */
  long asyncNanos(long checkpointId) {
    AtomicLong nanos = asyncNanos.get(checkpointId);
    return nanos == null ? -1 : nanos.get();
  }

  /** Restore time summed since the last call, and starts counting again from zero. */
  long takeRestoreNanos() {
    return restoreNanos.getAndSet(0);
  }
}
