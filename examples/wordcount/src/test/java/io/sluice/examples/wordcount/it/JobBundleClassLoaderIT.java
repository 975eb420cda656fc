package io.sluice.examples.wordcount.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.sluice.platform.JobControl;
import io.sluice.platform.JobInfo;
import io.sluice.platform.SubmitOptions;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A job's bundle class loader is released once its job has ended and the bundle is uninstalled and
 * refreshed: over many install-submit-uninstall cycles, the old loaders are garbage collected and
 * the number of loaded classes stays flat (no metaspace growth).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JobBundleClassLoaderIT {
  private static final int CYCLES = Integer.getInteger("sluice.it.classLoaderCycles", 200);
  private static final int BASELINE_CYCLE = CYCLES / 4;

  /** The newest loaders may still be referenced by the framework's or runtime's last events. */
  private static final int ALLOWED_ALIVE = 2;

  private static final int MAX_CLASS_GROWTH = 1_000;
  private static final long GC_TIMEOUT_MILLIS = 30_000;

  @Inject private BundleContext context;

  @Configuration
  public Option[] configuration() {
    return CoreFeature.options();
  }

  @Test
  public void bundleClassLoadersOfEndedJobsAreCollectedAndClassCountStaysFlat() throws Exception {
    Platform platform = new Platform(context);
    JobControl control = platform.jobControl();
    Path dir = CoreFeature.workDirectory("wordcount-class-loaders");
    Path input =
        Files.writeString(
            dir.resolve("tiny.txt"),
            "To be, or not to be.\n你好 世界 你好\nBE 2 B\n",
            StandardCharsets.UTF_8);
    Path output = dir.resolve("counts.tsv");
    String expected = new String(ReferenceWordCount.expectedOutput(input), StandardCharsets.UTF_8);
    SubmitOptions options =
        new SubmitOptions(List.of("--input", input.toString(), "--output", output.toString()), 2);
    ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();

    ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    List<Long> bundleIds = new ArrayList<>();
    int baselineClasses = -1;
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      Bundle bundle = platform.install(CoreFeature.wordCountJar(), "test:wordcount-cycle-" + cycle);
      bundleIds.add(bundle.getBundleId());
      JobInfo end = Platform.runToEnd(control, bundle, options);
      assertEquals("cycle " + cycle + ": " + end, "FINISHED", end.status());
      WordCountJobIT.assertSameLines(
          "output of cycle " + cycle, expected, Files.readString(output, StandardCharsets.UTF_8));

      BundleWiring wiring = bundle.adapt(BundleWiring.class);
      assertNotNull("cycle " + cycle + ": the job bundle has no wiring after its job ran", wiring);
      loaders.add(new WeakReference<>(wiring.getClassLoader(), collected));
      wiring = null; // drop it before the refresh, which is what should let the loader go
      platform.uninstallAndRefresh(bundle);

      if (cycle == BASELINE_CYCLE) {
        List<Integer> leaked = collectAllBut(loaders, collected, ALLOWED_ALIVE);
        assertTrue(describeLeak(leaked, loaders, bundleIds), leaked.isEmpty());
        baselineClasses = classLoading.getLoadedClassCount();
      }
    }

    List<Integer> leaked = collectAllBut(loaders, collected, ALLOWED_ALIVE);
    int growth = classLoading.getLoadedClassCount() - baselineClasses;

    assertTrue(describeLeak(leaked, loaders, bundleIds), leaked.isEmpty());
    assertTrue(
        "Loaded classes grew by "
            + growth
            + " between cycle "
            + BASELINE_CYCLE
            + " and cycle "
            + CYCLES
            + " (limit "
            + MAX_CLASS_GROWTH
            + "): classes of ended jobs are not unloaded (metaspace leak)",
        growth < MAX_CLASS_GROWTH);
  }

  /**
   * Runs the garbage collector until every loader but the newest {@code allowedAlive} is collected,
   * or the time runs out; returns the cycles whose loaders are still alive.
   */
  private static List<Integer> collectAllBut(
      List<WeakReference<ClassLoader>> loaders,
      ReferenceQueue<ClassLoader> collected,
      int allowedAlive)
      throws InterruptedException {
    long deadline = System.nanoTime() + GC_TIMEOUT_MILLIS * 1_000_000;
    List<Integer> alive = aliveBefore(loaders, loaders.size() - allowedAlive);
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      System.gc();
      // Blocks until the collector enqueues a cleared loader, or 100 ms pass without one.
      while (collected.remove(100) != null) {
        // drain everything enqueued so far
      }
      alive = aliveBefore(loaders, loaders.size() - allowedAlive);
    }
    return alive;
  }

  private static List<Integer> aliveBefore(List<WeakReference<ClassLoader>> loaders, int end) {
    List<Integer> alive = new ArrayList<>();
    for (int cycle = 0; cycle < end; cycle++) {
      if (loaders.get(cycle).get() != null) {
        alive.add(cycle);
      }
    }
    return alive;
  }

  /** Names the leaked cycles and any live thread whose context class loader is a leaked one. */
  private static String describeLeak(
      List<Integer> leaked, List<WeakReference<ClassLoader>> loaders, List<Long> bundleIds) {
    if (leaked.isEmpty()) {
      return "";
    }
    StringBuilder message =
        new StringBuilder("LEAK: the bundle class loaders of ")
            .append(leaked.size())
            .append(" of the first ")
            .append(loaders.size())
            .append(" WordCount job bundles (job ended, bundle uninstalled and refreshed) are")
            .append(" still reachable")
            .append(" after ")
            .append(GC_TIMEOUT_MILLIS / 1000)
            .append(" s of garbage collection. Cycles ")
            .append(leaked.size() > 20 ? leaked.subList(0, 20) + "…" : leaked)
            .append(" (bundle ids ");
    List<Long> ids = new ArrayList<>();
    for (int cycle : leaked.subList(0, Math.min(20, leaked.size()))) {
      ids.add(bundleIds.get(cycle));
    }
    message.append(ids).append(").");
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      ClassLoader contextLoader = thread.getContextClassLoader();
      for (int cycle : leaked) {
        if (contextLoader != null && contextLoader == loaders.get(cycle).get()) {
          message
              .append(" Thread '")
              .append(thread.getName())
              .append("' still has the loader of cycle ")
              .append(cycle)
              .append(" as its context class loader.");
        }
      }
    }
    message.append(
        " Something outside the job bundle (a runtime registry, a thread, a ThreadLocal, a cache"
            + " keyed by class, a service registration) still holds one of its classes or"
            + " objects; take a heap dump and look at the GC roots of"
            + " org.apache.felix.framework.BundleWiringImpl$BundleClassLoader.");
    return message.toString();
  }
}
