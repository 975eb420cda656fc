package io.sluice.launcher.platform;

import io.sluice.launcher.feature.FeatureRepository;
import io.sluice.launcher.feature.FeatureResult;
import io.sluice.launcher.feature.FeatureService;
import io.sluice.platform.JobControl;
import io.sluice.platform.JobInfo;
import io.sluice.platform.SubmitOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Apache Felix with the features of its {@link PlatformOptions} installed and started.
 * The launcher's handle on everything inside the framework: bundles, features and the runtime's
 * {@link JobControl} service.
 *
 * <p>Example: {@code try (Platform p = Platform.start(options)) { p.jobControl().list(); }}
 *
 * <p>Thread-safe: the framework API is, and feature operations serialize in {@link FeatureService}.
 */
public final class Platform implements AutoCloseable {

  /** The symbolic name of the bundle that registers {@link JobControl}. */
  public static final String RUNTIME_BUNDLE = "sluice-runtime";

  private final Framework framework;
  private final PlatformOptions options;
  private final ConfigAdminBridge configAdmin;
  private final FeatureService features;
  private final ServiceTracker<JobControl, JobControl> jobControl;

  private Platform(Framework framework, PlatformOptions options, FeatureRepository repository) {
    this.framework = framework;
    this.options = options;
    BundleContext context = framework.getBundleContext();
    this.configAdmin =
        new ConfigAdminBridge(context, options.distribution().conf(), options.serviceTimeout());
    this.features =
        new FeatureService(
            context,
            repository,
            options.distribution().bundles(),
            configAdmin,
            options.serviceTimeout());
    this.jobControl = new ServiceTracker<>(context, JobControl.class, null);
    jobControl.open();
  }

  /**
   * Boots Felix and installs the configured features, starting their bundles in start-level order.
   *
   * @throws PlatformException if a feature is unknown, the framework does not start, or a feature
   *     bundle does not start (the framework is stopped again)
   */
  public static Platform start(PlatformOptions options) {
    FeatureRepository repository = FeatureRepository.load(options.distribution().features());
    repository.closure(options.features());
    try {
      Files.createDirectories(options.storage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create framework storage " + options.storage(), e);
    }
    FrameworkFactory factory =
        ServiceLoader.load(FrameworkFactory.class)
            .findFirst()
            .orElseThrow(
                () ->
                    new PlatformException(
                        "no OSGi framework on the class path (lib/ lacks Felix)"));
    Framework framework = factory.newFramework(FrameworkConfig.of(options));
    try {
      framework.init();
      framework.start();
    } catch (BundleException e) {
      throw new PlatformException("the OSGi framework did not start: " + e.getMessage(), e);
    }
    Platform platform = new Platform(framework, options, repository);
    FeatureResult result;
    try {
      result = platform.features.install(options.features(), false);
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
    if (!result.succeeded()) {
      platform.close();
      throw new PlatformException(
          "the platform did not start:\n  " + String.join("\n  ", result.problems()));
    }
    return platform;
  }

  public PlatformOptions options() {
    return options;
  }

  public FeatureService features() {
    return features;
  }

  /**
   * Installs a bundle from a jar (not started).
   *
   * @throws PlatformException if the file is not a bundle or the framework refuses it
   */
  public Bundle install(Path jar) {
    BundleJar.inspect(jar);
    try {
      return context().installBundle(jar.toAbsolutePath().normalize().toUri().toString());
    } catch (BundleException e) {
      throw new PlatformException("cannot install " + jar + ": " + e.getMessage(), e);
    }
  }

  /**
   * Installs a job bundle and submits its job; if the submission fails the bundle is uninstalled
   * again.
   *
   * @throws PlatformException if the jar is missing, not a bundle, has no job, or no runtime is
   *     there to take it
   */
  public JobInfo submit(Path jar, SubmitOptions submitOptions) {
    BundleJar.inspect(jar).requireJob();
    JobControl control = jobControl();
    Bundle bundle = install(jar);
    try {
      return control.submit(bundle, submitOptions);
    } catch (RuntimeException e) {
      try {
        bundle.uninstall();
      } catch (BundleException | IllegalStateException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new PlatformException(
          "the runtime refused job " + jar.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** Uninstalls a bundle and refreshes the bundles wired to it. */
  public BundleInfo uninstall(long id) {
    Bundle bundle = bundle(id);
    if (id == 0) {
      throw new PlatformException(
          "bundle 0 is the framework itself; stop the platform with: sluice stop");
    }
    BundleInfo before = BundleInfo.of(bundle);
    try {
      bundle.uninstall();
    } catch (BundleException e) {
      throw new PlatformException(
          "cannot uninstall bundle " + id + " (" + before.symbolicName() + "): " + e.getMessage(),
          e);
    }
    refresh(bundle);
    return before;
  }

  /** The installed bundle with this id. */
  public Bundle bundle(long id) {
    Bundle bundle = context().getBundle(id);
    if (bundle == null) {
      throw new PlatformException("no bundle with id " + id + "; list them with: sluice bundles");
    }
    return bundle;
  }

  /** Every installed bundle, by id. */
  public List<BundleInfo> bundles() {
    return Arrays.stream(context().getBundles()).map(BundleInfo::of).toList();
  }

  /**
   * The runtime's job control service, waiting up to the service timeout for it to appear.
   *
   * @throws PlatformException naming the runtime bundle's state if it never appears
   */
  public JobControl jobControl() {
    return jobControl(options.serviceTimeout());
  }

  /** As {@link #jobControl()}, waiting at most {@code timeout}. */
  public JobControl jobControl(Duration timeout) {
    try {
      JobControl control = jobControl.waitForService(Math.max(1, timeout.toMillis()));
      if (control != null) {
        return control;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while waiting for the JobControl service", e);
    }
    String state =
        Arrays.stream(context().getBundles())
            .filter(b -> RUNTIME_BUNDLE.equals(b.getSymbolicName()))
            .map(
                b ->
                    "is "
                        + BundleInfo.stateName(b.getState())
                        + " (bundle "
                        + b.getBundleId()
                        + ")")
            .findFirst()
            .orElse("is not installed (it belongs to feature core)");
    throw new PlatformException(
        "no JobControl service after "
            + options.serviceTimeout().toSeconds()
            + " s: the runtime bundle "
            + RUNTIME_BUNDLE
            + " "
            + state
            + ". Check the log for why it did not register the service.");
  }

  /** Asks the framework to stop; returns at once (see {@link #waitForStop(Duration)}). */
  public void stop() {
    jobControl.close();
    configAdmin.close();
    try {
      framework.stop();
    } catch (BundleException e) {
      throw new PlatformException("the framework refused to stop: " + e.getMessage(), e);
    }
  }

  /** Waits for the framework to stop; true if it did within the timeout. */
  public boolean waitForStop(Duration timeout) {
    try {
      return framework.waitForStop(timeout.toMillis()).getType() != FrameworkEvent.WAIT_TIMEDOUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the framework and waits up to the service timeout for it. */
  @Override
  public void close() {
    if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
      stop();
    }
    waitForStop(options.serviceTimeout());
  }

  private void refresh(Bundle bundle) {
    CountDownLatch done = new CountDownLatch(1);
    framework
        .adapt(FrameworkWiring.class)
        .refreshBundles(List.of(bundle), event -> done.countDown());
    try {
      if (!done.await(options.serviceTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new PlatformException(
            "the framework did not finish refreshing after uninstalling bundle "
                + bundle.getBundleId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The system bundle's context, for callers that need the plain OSGi API. */
  public BundleContext context() {
    return framework.getBundleContext();
  }

  /** The properties of a Config Admin configuration, or empty if there is none with that PID. */
  public Optional<Map<String, Object>> configuration(String pid) {
    return configAdmin.read(pid);
  }
}
