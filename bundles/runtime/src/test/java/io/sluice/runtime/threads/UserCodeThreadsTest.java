package io.sluice.runtime.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A thread that ran a job's code must not pin the job's class loader once its work is done, even
 * while someone still holds the {@link Thread} object (as Felix's class-lock map does after a class
 * loading race). A throwaway {@link URLClassLoader} stands in for the job bundle's loader.
 */
class UserCodeThreadsTest {
  private static final long GC_TIMEOUT_MILLIS = 30_000;
  private static final long JOIN_MILLIS = 30_000;

  @Test
  void workSeesTheJobLoaderAsContextClassLoader() throws Exception {
    ClassLoader jobLoader = new URLClassLoader(new URL[0], null);
    AtomicReference<ClassLoader> seen = new AtomicReference<>();

    Thread thread =
        UserCodeThreads.newThread(
            "work", jobLoader, () -> seen.set(Thread.currentThread().getContextClassLoader()));
    thread.start();
    thread.join(JOIN_MILLIS);

    assertThat(thread.isAlive()).isFalse();
    assertThat(thread.isDaemon()).isTrue();
    assertThat(seen.get()).isSameAs(jobLoader);
  }

  @Test
  void endedThreadThatIsStillReferencedDoesNotPinTheJobLoader() throws Exception {
    ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
    List<Thread> retained = new ArrayList<>();
    WeakReference<ClassLoader> jobLoader = runOnThrowawayLoader(retained, collected);

    assertThat(collectedWithin(jobLoader, collected)).as("job loader collected").isTrue();
    assertThat(retained).singleElement().satisfies(t -> assertThat(t.isAlive()).isFalse());
  }

  @Test
  void threadWhoseWorkThrowsAlsoDropsTheJobLoader() throws Exception {
    ClassLoader jobLoader = new URLClassLoader(new URL[0], null);
    AtomicReference<Throwable> uncaught = new AtomicReference<>();
    IllegalStateException failure = new IllegalStateException("user code failed");

    Thread thread =
        UserCodeThreads.newThread(
            "failing work",
            jobLoader,
            () -> {
              throw failure;
            });
    thread.setUncaughtExceptionHandler((t, e) -> uncaught.set(e));
    thread.start();
    thread.join(JOIN_MILLIS);

    assertThat(thread.isAlive()).isFalse();
    assertThat(uncaught.get()).isSameAs(failure);
    assertThat(thread.getContextClassLoader()).isNull();
  }

  @Test
  void executorThreadsFromTheFactoryDropTheJobLoaderWhenShutDown() throws Exception {
    ClassLoader jobLoader = new URLClassLoader(new URL[0], null);
    AtomicReference<Thread> worker = new AtomicReference<>();
    AtomicReference<ClassLoader> seen = new AtomicReference<>();
    ExecutorService executor =
        Executors.newSingleThreadExecutor(UserCodeThreads.factory("coordinator", jobLoader));

    executor.execute(
        () -> {
          worker.set(Thread.currentThread());
          seen.set(Thread.currentThread().getContextClassLoader());
        });
    executor.shutdown();
    assertThat(executor.awaitTermination(JOIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    worker.get().join(JOIN_MILLIS);

    assertThat(seen.get()).isSameAs(jobLoader);
    assertThat(worker.get().getName()).isEqualTo("coordinator");
    assertThat(worker.get().getContextClassLoader()).isNull();
  }

  /**
   * Runs work on a thread whose context loader is a fresh loader, keeps the ended thread in {@code
   * retained}, and returns a weak reference to the loader; no strong reference escapes.
   */
  private static WeakReference<ClassLoader> runOnThrowawayLoader(
      List<Thread> retained, ReferenceQueue<ClassLoader> collected) throws InterruptedException {
    ClassLoader jobLoader = new URLClassLoader(new URL[0], null);
    Thread thread = UserCodeThreads.newThread("job", jobLoader, () -> {});
    retained.add(thread);
    thread.start();
    thread.join(JOIN_MILLIS);
    return new WeakReference<>(jobLoader, collected);
  }

  /** Runs the collector until the referent is cleared or the time runs out. */
  private static boolean collectedWithin(
      WeakReference<ClassLoader> reference, ReferenceQueue<ClassLoader> collected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GC_TIMEOUT_MILLIS);
    while (reference.get() != null && System.nanoTime() < deadline) {
      System.gc();
      // Waits until the collector enqueues the cleared reference, or 100 ms without it.
      collected.remove(100);
    }
    return reference.get() == null;
  }
}
