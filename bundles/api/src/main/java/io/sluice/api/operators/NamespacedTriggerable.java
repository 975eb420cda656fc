package io.sluice.api.operators;

/**
 * Receives an operator's firing timers that carry a namespace (what the timer is for within its
 * key, such as a window); the timer's key is the current key during the call.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 */
public interface NamespacedTriggerable<K, N> {
  /**
   * An event-time timer fired.
   *
   * @param namespace the namespace it was registered with; null only for a timer restored from a
   *     snapshot written before timers had namespaces
   */
  void onEventTime(K key, N namespace, long timestamp) throws Exception;

  /**
   * A processing-time timer fired.
   *
   * @param namespace as for {@link #onEventTime}
   */
  void onProcessingTime(K key, N namespace, long timestamp) throws Exception;
}
