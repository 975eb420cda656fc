package io.sluice.bench.checkpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark driver and one running job share, by job name, inside one JVM: how many
 * indices the source may emit ({@link #release}), how many records the keyed function processed,
 * and when the keyed function last opened (the end of a restore). Lets the driver feed the job in
 * steps and wait until each step is in the state before it takes a checkpoint. Thread-safe: the
 * driver, the source task and the keyed task touch it concurrently.
 */
public final class JobProbe {
  private static final Map<String, JobProbe> PROBES = new ConcurrentHashMap<>();

  private final AtomicLong released = new AtomicLong();
  private final AtomicLong processed = new AtomicLong();
  private volatile long lastOpenNanos;

  private JobProbe() {}

  /** The probe of job {@code name}, created on first use. */
  public static JobProbe of(String name) {
    return PROBES.computeIfAbsent(name, n -> new JobProbe());
  }

  /** Forgets the probe of {@code name} (the job has ended). */
  public static void remove(String name) {
    PROBES.remove(name);
  }

  /** Lets the source emit {@code more} further indices. */
  public void release(long more) {
    released.addAndGet(more);
  }

  /** How many indices the source may have emitted in total. */
  public long released() {
    return released.get();
  }

  /** Counts one record the keyed function processed. */
  public void recordProcessed() {
    processed.incrementAndGet();
  }

  /** Records the keyed function processed so far (over all attempts). */
  public long processed() {
    return processed.get();
  }

  /** Notes that the keyed function opened (its state is restored). */
  public void recordOpened() {
    lastOpenNanos = System.nanoTime();
  }

  /** {@link System#nanoTime()} when the keyed function last opened, or 0. */
  public long lastOpenNanos() {
    return lastOpenNanos;
  }
}
