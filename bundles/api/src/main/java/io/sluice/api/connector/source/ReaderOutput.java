package io.sluice.api.connector.source;

/** Receives what a reader emits. */
public interface ReaderOutput<T> {
  void collect(T record);

  void collect(T record, long timestamp);
}
