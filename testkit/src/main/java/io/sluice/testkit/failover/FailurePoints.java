package io.sluice.testkit.failover;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failure points that fire once per JVM: a function asks {@link #shouldFail} with a name and a
 * count; the first time a given point is reached it gets true (and throws), after a restart the
 * same point passes, so the job makes progress. Names should include a test-unique prefix.
 */
public final class FailurePoints {
  private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

  private FailurePoints() {}

  /** True exactly once for each {@code (name, point)}. */
  public static boolean shouldFail(String name, long point) {
    return FIRED.add(name + "@" + point);
  }

  private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

  /** Makes the next {@link #firesNow} of {@code name} return true (once). */
  public static void arm(String name) {
    ARMED.add(name);
  }

  /** True once after each {@link #arm}. */
  public static boolean firesNow(String name) {
    return !ARMED.isEmpty() && ARMED.remove(name);
  }

  /** How many points of {@code name} have fired. */
  public static long fired(String name) {
    return FIRED.stream().filter(p -> p.startsWith(name + "@")).count();
  }
}
