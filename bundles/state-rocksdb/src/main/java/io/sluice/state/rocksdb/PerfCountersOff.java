package io.sluice.state.rocksdb;

import org.rocksdb.PerfLevel;
import org.rocksdb.RocksDB;

/**
 * Turns RocksDB's performance counters off on the thread that reads and writes the state. RocksDB
 * counts into a thread-local context on every get and put unless the thread's perf level is {@link
 * PerfLevel#DISABLE}; nothing reads these counters, and counting them (a thread-local lookup per
 * counter) cost 13 % of the CPU of a get plus a put in rocksdbjni 11.8. The level belongs to the
 * calling thread, not to a database, so it is set once per thread that accesses state, remembered
 * here. Confined to the thread that owns the keyed backend.
 */
final class PerfCountersOff {
  private Thread doneFor;

  /** Turns the counters off for the calling thread unless that was already done. */
  void onCallingThread(RocksDB db) {
    Thread current = Thread.currentThread();
    if (current != doneFor) {
      db.setPerfLevel(PerfLevel.DISABLE);
      doneFor = current;
    }
  }
}
