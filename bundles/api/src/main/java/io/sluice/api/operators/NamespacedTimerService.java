package io.sluice.api.operators;

/**
 * Timers of one keyed operator, scoped to the current key, each registered for a namespace (what it
 * is for within the key, such as a window): a (key, namespace, timestamp) triple is registered at
 * most once per time domain, so timers of different namespaces at the same time do not need an
 * index of their own. Deleting a timer that does not exist does nothing.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 */
public interface NamespacedTimerService<K, N> {
  void registerEventTimeTimer(N namespace, long time);

  void registerProcessingTimeTimer(N namespace, long time);

  void deleteEventTimeTimer(N namespace, long time);

  void deleteProcessingTimeTimer(N namespace, long time);

  long currentProcessingTime();

  long currentWatermark();

  /**
   * Fires every processing-time timer pending now, in time order, as if the clock had passed them
   * (for the end of input); timers registered while they fire wait for their time.
   */
  void firePendingProcessingTimers() throws Exception;
}
