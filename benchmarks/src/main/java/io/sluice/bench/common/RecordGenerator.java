package io.sluice.bench.common;

import java.io.Serializable;

/**
 * Makes the record with a given index, as a pure function of the index: whichever subtask of
 * whichever engine generates index {@code i}, it gets the same record. Thread-safe.
 */
public interface RecordGenerator<T> extends Serializable {
  T generate(long index);

  Class<T> type();
}
