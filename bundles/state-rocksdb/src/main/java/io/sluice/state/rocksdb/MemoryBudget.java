package io.sluice.state.rocksdb;

import java.util.function.Supplier;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;

/**
 * The native memory all databases of one {@link RocksDbStateBackend} share: an LRU block cache of
 * the whole budget, against which a write buffer manager charges the memtables (up to half of it),
 * so that reads and writes of every state together stay within the budget however many operators
 * and states there are. Thread-safe: databases are set up under {@link #whileOpen}, which {@link
 * #close} waits for, so a database is never handed a cache or manager already freed (a native
 * crash, seen when the backend's bundle stopped while a task was creating its state).
 */
final class MemoryBudget implements AutoCloseable {
  private final long budgetBytes;
  private final LRUCache cache;
  private final WriteBufferManager writeBufferManager;
  private boolean closed;

  MemoryBudget(long budgetBytes) {
    this.budgetBytes = budgetBytes;
    this.cache = new LRUCache(budgetBytes);
    this.writeBufferManager = new WriteBufferManager(budgetBytes / 2, cache);
  }

  long budgetBytes() {
    return budgetBytes;
  }

  Cache cache() {
    return cache;
  }

  WriteBufferManager writeBufferManager() {
    return writeBufferManager;
  }

  /**
   * The memtable size of one column family: half the budget (at least 1 MB), the most the write
   * buffer manager lets all memtables together hold anyway. Smaller memtables (an eighth) flushed a
   * state that is overwritten in place several times per run into level-0 files that every later
   * read had to search: 15 % more CPU per read-modify-write in the state-rocksdb benchmark.
   */
  long writeBufferSize() {
    return Math.max(1024 * 1024, budgetBytes / 2);
  }

  /**
   * Runs {@code setup} (which may hand the cache and manager to new native objects) while the
   * budget is open.
   *
   * @throws Released if the budget was closed
   */
  synchronized <T> T whileOpen(Supplier<T> setup) {
    if (closed) {
      throw new Released();
    }
    return setup.get();
  }

  /** Drops this Java side's references; databases already open hold the native objects. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      writeBufferManager.close();
      cache.close();
    }
  }

  /** The budget was closed before a database could be set up with it. */
  static final class Released extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Released() {
      super("the RocksDB memory budget was released");
    }
  }
}
