package io.sluice.runtime.taskexecutor;

import java.util.ArrayList;
import java.util.List;

/**
 * The slots subtasks run in. With slot sharing (as in Flink's default group) subtask {@code i} of
 * every operator of a job shares slot {@code i}, so a job needs as many slots as its highest
 * parallelism. A job that asks for more slots than are free fails at once with a message saying how
 * many it needs, how many are free and which setting raises the number. Thread-safe.
 */
public final class TaskExecutor {
  /** The configuration key users know from Flink. */
  public static final String SLOTS_SETTING = "taskmanager.numberOfTaskSlots";

  private final String name;
  private final String[] owners;

  public TaskExecutor(String name, int numberOfSlots) {
    if (numberOfSlots < 1) {
      throw new IllegalArgumentException(SLOTS_SETTING + " must be at least 1: " + numberOfSlots);
    }
    this.name = name;
    this.owners = new String[numberOfSlots];
  }

  public int numberOfSlots() {
    return owners.length;
  }

  public synchronized int freeSlots() {
    int free = 0;
    for (String owner : owners) {
      if (owner == null) {
        free++;
      }
    }
    return free;
  }

  /**
   * Allocates {@code count} slots to {@code jobId}.
   *
   * @return the slot indexes, in allocation order (subtask i goes to the i-th)
   * @throws NotEnoughSlotsException if fewer are free
   */
  public synchronized List<Integer> allocate(String jobId, int count) {
    int free = freeSlots();
    if (count > free) {
      throw new NotEnoughSlotsException(
          "Job "
              + jobId
              + " needs "
              + count
              + " task slots (its highest parallelism) but task executor '"
              + name
              + "' has "
              + free
              + " free of "
              + owners.length
              + "; lower the parallelism, wait for running jobs to end, or raise "
              + SLOTS_SETTING);
    }
    List<Integer> slots = new ArrayList<>(count);
    for (int i = 0; i < owners.length && slots.size() < count; i++) {
      if (owners[i] == null) {
        owners[i] = jobId;
        slots.add(i);
      }
    }
    return slots;
  }

  /** Frees every slot of {@code jobId}; freeing twice does nothing. */
  public synchronized void release(String jobId) {
    for (int i = 0; i < owners.length; i++) {
      if (jobId.equals(owners[i])) {
        owners[i] = null;
      }
    }
  }

  /** A job asked for more slots than are free. */
  public static final class NotEnoughSlotsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotEnoughSlotsException(String message) {
      super(message);
    }
  }
}
