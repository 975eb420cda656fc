package io.sluice.state.rocksdb;

import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps a keyed backend's native objects (database, column families, RocksDB snapshots) alive while
 * an asynchronous snapshot thread uses them: users {@link #enter()} and {@link #exit()} around each
 * use, {@link #close()} (task thread) first tells them to stop, then waits until none is inside,
 * after which the natives may be freed. Thread-safe.
 */
final class NativeGuard {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final String owner;
  private volatile boolean closing;

  NativeGuard(String owner) {
    this.owner = owner;
  }

  /**
   * Starts a use of the natives.
   *
   * @throws IOException if the backend is closed or closing
   */
  void enter() throws IOException {
    lock.readLock().lock();
    if (closing) {
      lock.readLock().unlock();
      throw closed();
    }
  }

  void exit() {
    lock.readLock().unlock();
  }

  /** Whether the user inside should stop at the next convenient point. */
  void checkNotClosing() throws IOException {
    if (closing) {
      throw closed();
    }
  }

  /** Stops new users and waits for the ones inside to leave; the natives may be freed after. */
  void close() {
    closing = true;
    lock.writeLock().lock();
    lock.writeLock().unlock();
  }

  private IOException closed() {
    return new IOException(
        "the keyed state of " + owner + " was closed while a snapshot of it was being written");
  }
}
