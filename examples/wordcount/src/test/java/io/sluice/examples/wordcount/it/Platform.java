package io.sluice.examples.wordcount.it;

import io.sluice.platform.JobControl;
import io.sluice.platform.JobInfo;
import io.sluice.platform.SubmitOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What the integration tests do with the running framework, from inside it: find services, install
 * and remove job bundles, run jobs to their end. Every wait is bounded.
 */
public final class Platform {
  /** How long a service may take to appear after the framework started. */
  static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(15);

  /** How long one test job may run. */
  static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

  private final BundleContext context;

  /** Acts through {@code context}, the test probe's (injected by Pax Exam). */
  public Platform(BundleContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  public BundleContext context() {
    return context;
  }

  /** The service of {@code type} matching {@code filter} (or any, if null), waiting for it. */
  public <S> S service(Class<S> type, String filter) throws InterruptedException {
    String full =
        filter == null
            ? "(objectClass=" + type.getName() + ")"
            : "(&(objectClass=" + type.getName() + ")" + filter + ")";
    ServiceTracker<S, S> tracker;
    try {
      tracker = new ServiceTracker<>(context, context.createFilter(full), null);
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException(e);
    }
    tracker.open();
    S service = tracker.waitForService(SERVICE_TIMEOUT.toMillis());
    if (service == null) {
      tracker.close();
      throw new AssertionError(
          "No service "
              + full
              + " within "
              + SERVICE_TIMEOUT.toSeconds()
              + " s. Bundles: "
              + describeBundles());
    }
    return service; // the tracker stays open, holding the service, until the framework stops
  }

  /** The symbolic name of the bundle that registered the service {@link #service} found. */
  public String providerOf(Class<?> type, String filter) throws InterruptedException {
    service(type, filter);
    try {
      return context
          .getServiceReferences(type, filter)
          .iterator()
          .next()
          .getBundle()
          .getSymbolicName();
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public JobControl jobControl() throws InterruptedException {
    return service(JobControl.class, null);
  }

  /** Installs a job bundle from {@code jar} under a location unique to this install. */
  public Bundle install(Path jar, String location) throws IOException, BundleException {
    try (InputStream in = Files.newInputStream(jar)) {
      return context.installBundle(location, in);
    }
  }

  /** Installs a job bundle from bytes under {@code location}. */
  public Bundle install(byte[] jar, String location) throws BundleException {
    return context.installBundle(location, new ByteArrayInputStream(jar));
  }

  /** Submits the bundle's job and waits for its end; fails if it does not end in time. */
  public static JobInfo runToEnd(JobControl control, Bundle bundle, SubmitOptions options)
      throws InterruptedException {
    JobInfo submitted = control.submit(bundle, options);
    return awaitEnd(control, submitted);
  }

  /** Waits for a submitted job to end; cancels it and fails if it does not end in time. */
  public static JobInfo awaitEnd(JobControl control, JobInfo submitted)
      throws InterruptedException {
    try {
      return control.termination(submitted.id()).get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      JobInfo now = control.job(submitted.id()).orElse(submitted);
      control.cancel(submitted.id());
      throw new AssertionError(
          "Job " + now + " did not end within " + JOB_TIMEOUT.toSeconds() + " s (canceled)", e);
    } catch (ExecutionException e) {
      throw new AssertionError("termination(" + submitted.id() + ") failed", e.getCause());
    }
  }

  /** Uninstalls {@code bundle} and waits until the framework has refreshed away its wiring. */
  public void uninstallAndRefresh(Bundle bundle) throws BundleException, InterruptedException {
    bundle.uninstall();
    CountDownLatch refreshed = new CountDownLatch(1);
    FrameworkListener listener =
        event -> {
          if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            refreshed.countDown();
          }
        };
    context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), listener);
    if (!refreshed.await(SERVICE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "Refresh after uninstalling "
              + bundle.getLocation()
              + " did not finish within "
              + SERVICE_TIMEOUT.toSeconds()
              + " s");
    }
  }

  /** "name version STATE" of every bundle, for failure messages. */
  public String describeBundles() {
    StringBuilder out = new StringBuilder();
    for (Bundle bundle : context.getBundles()) {
      out.append("\n  ")
          .append(bundle.getBundleId())
          .append(' ')
          .append(bundle.getSymbolicName())
          .append(' ')
          .append(bundle.getVersion())
          .append(' ')
          .append(stateName(bundle.getState()));
    }
    return out.toString();
  }

  static String stateName(int state) {
    return switch (state) {
      case Bundle.UNINSTALLED -> "UNINSTALLED";
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      case Bundle.ACTIVE -> "ACTIVE";
      default -> "state " + state;
    };
  }
}
