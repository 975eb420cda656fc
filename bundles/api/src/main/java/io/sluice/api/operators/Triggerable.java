package io.sluice.api.operators;

/** Receives an operator's firing timers; the timer's key is the current key during the call. */
public interface Triggerable<K> {
  void onEventTime(K key, long timestamp) throws Exception;

  void onProcessingTime(K key, long timestamp) throws Exception;
}
