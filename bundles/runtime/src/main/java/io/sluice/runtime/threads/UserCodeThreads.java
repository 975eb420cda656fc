package io.sluice.runtime.threads;

import java.util.concurrent.ThreadFactory;

/**
 * Creates the runtime's threads that run a job's code (job driver, subtasks, split enumerators):
 * daemon threads whose context class loader is the job bundle's loader while their work runs, and
 * that drop that loader the moment their work ends.
 *
 * <p>Why dropping it matters: a {@link Thread} object outlives its thread for as long as anything
 * references it, and when a thread terminates the JDK clears most of its fields (runnable, thread
 * locals, inherited access control context) but not its context class loader. Apache Felix 7.0.5
 * keeps such references: {@code BundleWiringImpl.BundleClassLoader.defineClassParallel} records the
 * defining thread in a per-loader class-lock map and, when the thread finds the class already
 * defined by a racing thread right after claiming the lock, returns without removing its entry. The
 * first job's subtasks race to load the runtime's and the API's classes, so a dead subtask thread
 * stayed in the runtime bundle's loader for good, and through its context class loader it pinned
 * the first job bundle's loader with every class it had loaded. With the loader cleared, such a
 * leftover thread pins nothing of the job.
 *
 * <p>Threading: the factory methods may be called from any thread; the loader is cleared on the
 * created thread itself, after its work returned or threw.
 */
public final class UserCodeThreads {
  private UserCodeThreads() {}

  /**
   * An unstarted daemon thread that runs {@code work} with {@code contextLoader} as its context
   * class loader and clears the context class loader when {@code work} ends.
   */
  public static Thread newThread(String name, ClassLoader contextLoader, Runnable work) {
    Thread thread = new Thread(() -> runThenDropLoader(work), name);
    thread.setContextClassLoader(contextLoader);
    thread.setDaemon(true);
    return thread;
  }

  /** A factory of {@link #newThread} threads, all named {@code name}, for an executor. */
  public static ThreadFactory factory(String name, ClassLoader contextLoader) {
    return work -> newThread(name, contextLoader, work);
  }

  private static void runThenDropLoader(Runnable work) {
    try {
      work.run();
    } finally {
      Thread.currentThread().setContextClassLoader(null);
    }
  }
}
