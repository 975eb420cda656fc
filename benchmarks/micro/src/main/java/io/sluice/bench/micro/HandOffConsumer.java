package io.sluice.bench.micro;

import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.NetworkBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The consumer side of {@link SubpartitionHandOffBenchmark}: a thread that takes every buffer off
 * an input gate, checks the sequence number the producer wrote into its first four bytes, and
 * recycles it. It sleeps (parks) while the gate is empty and is woken by the gate's availability
 * listener, as a task thread would be.
 */
final class HandOffConsumer implements Runnable {
  private final InputGate gate;
  private final Thread thread;
  private volatile boolean running = true;
  private long received;
  private long outOfOrder;

  HandOffConsumer(InputGate gate) {
    this.gate = gate;
    this.thread = new Thread(this, "hand-off-consumer");
    thread.setDaemon(true);
    gate.setAvailabilityListener(() -> LockSupport.unpark(thread));
  }

  void start() {
    thread.start();
  }

  @Override
  public void run() {
    while (running) {
      if (!takeOne()) {
        LockSupport.park(this);
      }
    }
  }

  /**
   * Stops the thread once the producer has stopped, then takes what is still queued, so every
   * emitted buffer is counted.
   */
  void stop() throws InterruptedException {
    running = false;
    LockSupport.unpark(thread);
    thread.join();
    while (takeOne()) {
      // drain
    }
  }

  /** Buffers taken so far; read after {@link #stop()}. */
  long received() {
    return received;
  }

  /** Buffers whose sequence number was not the next one expected; read after {@link #stop()}. */
  long outOfOrder() {
    return outOfOrder;
  }

  private boolean takeOne() {
    NetworkBuffer buffer = gate.pollNext();
    if (buffer == null) {
      return false;
    }
    if (SequenceNumbers.read(buffer) != (int) received) {
      outOfOrder++;
    }
    received++;
    buffer.recycle();
    return true;
  }
}
