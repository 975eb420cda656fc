package io.sluice.launcher.feature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs and uninstalls features in a running framework. Every operation is first computed as a
 * {@link FeaturePlan} (nothing changes), then executed step by step. Uninstalling a feature removes
 * only the bundles that no other installed feature needs, and the plan lists the bundles the
 * framework will refresh because of it.
 *
 * <p>A feature bundle is identified by its location, the {@code file:} URI of its jar in the
 * distribution's {@code bundles/} folder.
 *
 * <p>Thread-safe: operations are serialized on this object.
 */
public final class FeatureService {

  private final BundleContext context;
  private final FeatureRepository repository;
  private final Path bundleFolder;
  private final ConfigDefaults configDefaults;
  private final Duration refreshTimeout;
  private final Set<String> installed = new LinkedHashSet<>();

  /**
   * @param context the system bundle's context of a started framework
   * @param repository the known features
   * @param bundleFolder where the feature bundles' jars are
   * @param configDefaults where feature configurations go
   * @param refreshTimeout how long to wait for the framework to refresh after an uninstall
   */
  public FeatureService(
      BundleContext context,
      FeatureRepository repository,
      Path bundleFolder,
      ConfigDefaults configDefaults,
      Duration refreshTimeout) {
    this.context = context;
    this.repository = repository;
    this.bundleFolder = bundleFolder.toAbsolutePath().normalize();
    this.configDefaults = configDefaults;
    this.refreshTimeout = refreshTimeout;
  }

  public FeatureRepository repository() {
    return repository;
  }

  /** The features installed by name, in installation order. */
  public synchronized List<String> installed() {
    return List.copyOf(installed);
  }

  /** Every known feature with its installation state. */
  public synchronized List<FeatureStatus> list() {
    return repository.all().stream()
        .map(
            f ->
                new FeatureStatus(
                    f.name(),
                    f.description(),
                    installed.contains(f.name()),
                    f.requires(),
                    f.bundles().stream().map(FeatureBundle::file).toList()))
        .toList();
  }

  /** What installing these features (and those they need) would do. */
  public synchronized FeaturePlan planInstall(Collection<String> names) {
    List<PlannedBundle> install = new ArrayList<>();
    List<PlannedBundle> start = new ArrayList<>();
    for (FeatureBundle bundle : repository.bundles(names)) {
      Path jar = jarOf(bundle, names);
      Bundle existing = context.getBundle(location(jar));
      long id = existing == null ? -1 : existing.getBundleId();
      PlannedBundle planned = new PlannedBundle(bundle.file(), id, bundle.startLevel());
      if (existing == null) {
        install.add(planned);
      }
      boolean active = existing != null && existing.getState() == Bundle.ACTIVE;
      if (!active && !isFragment(jar)) {
        start.add(planned);
      }
    }
    start.sort(Comparator.comparingInt(PlannedBundle::startLevel));
    List<FeatureConfig> configs =
        repository.closure(names).stream().flatMap(f -> f.configs().stream()).toList();
    return new FeaturePlan(
        "install",
        names.stream().toList(),
        install,
        start,
        List.of(),
        List.of(),
        List.of(),
        configs);
  }

  /**
   * What uninstalling this feature would do.
   *
   * @throws FeatureException if it is unknown, not installed, or needed by another installed
   *     feature
   */
  public synchronized FeaturePlan planUninstall(String name) {
    repository.get(name);
    if (!installed.contains(name)) {
      throw new FeatureException(
          "feature '"
              + name
              + "' is not installed; installed features: "
              + (installed.isEmpty() ? "none" : String.join(", ", installed)));
    }
    for (String other : installed) {
      if (!other.equals(name)
          && repository.closure(other).stream().anyMatch(f -> f.name().equals(name))) {
        throw new FeatureException(
            "feature '"
                + name
                + "' is needed by installed feature '"
                + other
                + "'; uninstall '"
                + other
                + "' first");
      }
    }
    List<String> remaining = installed.stream().filter(n -> !n.equals(name)).toList();
    Set<String> stillNeeded = new HashSet<>();
    repository.bundles(remaining).forEach(b -> stillNeeded.add(b.file()));

    List<PlannedBundle> stop = new ArrayList<>();
    List<PlannedBundle> uninstall = new ArrayList<>();
    List<Bundle> removed = new ArrayList<>();
    for (FeatureBundle bundle : repository.bundles(List.of(name))) {
      if (stillNeeded.contains(bundle.file())) {
        continue;
      }
      Bundle existing = context.getBundle(location(bundleFolder.resolve(bundle.file())));
      if (existing == null) {
        continue;
      }
      PlannedBundle planned =
          new PlannedBundle(bundle.file(), existing.getBundleId(), bundle.startLevel());
      if (existing.getState() == Bundle.ACTIVE || existing.getState() == Bundle.STARTING) {
        stop.add(planned);
      }
      uninstall.add(planned);
      removed.add(existing);
    }
    Collections.reverse(stop);
    stop.sort(Comparator.comparingInt(PlannedBundle::startLevel).reversed());
    List<PlannedBundle> refresh = new ArrayList<>();
    if (!removed.isEmpty()) {
      for (Bundle dependent : wiring().getDependencyClosure(removed)) {
        if (!removed.contains(dependent)) {
          refresh.add(new PlannedBundle(dependent.getSymbolicName(), dependent.getBundleId(), 0));
        }
      }
      refresh.sort(Comparator.comparingLong(PlannedBundle::id));
    }
    return new FeaturePlan(
        "uninstall", List.of(name), List.of(), List.of(), stop, uninstall, refresh, List.of());
  }

  /** Installs features and those they need, or only plans it if {@code dryRun}. */
  public synchronized FeatureResult install(Collection<String> names, boolean dryRun) {
    FeaturePlan plan = planInstall(names);
    if (dryRun) {
      return new FeatureResult(plan, true, List.of());
    }
    List<Bundle> fresh = new ArrayList<>();
    try {
      for (PlannedBundle planned : plan.install()) {
        Bundle bundle = context.installBundle(location(bundleFolder.resolve(planned.name())));
        fresh.add(bundle);
        bundle.adapt(BundleStartLevel.class).setStartLevel(planned.startLevel());
      }
    } catch (BundleException | RuntimeException e) {
      uninstallQuietly(fresh);
      throw new FeatureException("cannot install features " + names + ": " + e.getMessage(), e);
    }
    List<String> problems = new ArrayList<>();
    for (PlannedBundle planned : plan.start()) {
      Bundle bundle = context.getBundle(location(bundleFolder.resolve(planned.name())));
      try {
        bundle.start();
      } catch (BundleException | RuntimeException e) {
        problems.add(planned.name() + " did not start: " + e.getMessage());
      }
    }
    for (FeatureConfig config : plan.configs()) {
      try {
        configDefaults.applyIfAbsent(config);
      } catch (RuntimeException e) {
        problems.add("configuration " + config.pid() + " not applied: " + e.getMessage());
      }
    }
    installed.addAll(names);
    return new FeatureResult(plan, false, problems);
  }

  /** Uninstalls a feature's bundles that nothing else installed needs, or only plans it. */
  public synchronized FeatureResult uninstall(String name, boolean dryRun) {
    FeaturePlan plan = planUninstall(name);
    if (dryRun) {
      return new FeatureResult(plan, true, List.of());
    }
    List<String> problems = new ArrayList<>();
    for (PlannedBundle planned : plan.stop()) {
      try {
        context.getBundle(planned.id()).stop();
      } catch (BundleException | RuntimeException e) {
        problems.add(planned.name() + " did not stop cleanly: " + e.getMessage());
      }
    }
    List<Bundle> removed = new ArrayList<>();
    for (PlannedBundle planned : plan.uninstall()) {
      Bundle bundle = context.getBundle(planned.id());
      try {
        bundle.uninstall();
        removed.add(bundle);
      } catch (BundleException | RuntimeException e) {
        problems.add(planned.name() + " was not uninstalled: " + e.getMessage());
      }
    }
    installed.remove(name);
    if (!removed.isEmpty() && !refresh(removed)) {
      problems.add(
          "the framework did not finish refreshing within " + refreshTimeout.toSeconds() + " s");
    }
    return new FeatureResult(plan, false, problems);
  }

  private boolean refresh(List<Bundle> bundles) {
    CountDownLatch done = new CountDownLatch(1);
    wiring()
        .refreshBundles(
            bundles,
            event -> {
              if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
              }
            });
    try {
      return done.await(refreshTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private FrameworkWiring wiring() {
    return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
  }

  private Path jarOf(FeatureBundle bundle, Collection<String> names) {
    Path jar = bundleFolder.resolve(bundle.file());
    if (!Files.isRegularFile(jar)) {
      String owner =
          repository.closure(names).stream()
              .filter(f -> f.bundles().contains(bundle))
              .map(Feature::name)
              .findFirst()
              .orElse("?");
      throw new FeatureException(
          "feature '"
              + owner
              + "' names bundle "
              + bundle.file()
              + ", which is not in "
              + bundleFolder);
    }
    return jar;
  }

  private static boolean isFragment(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      return manifest != null
          && manifest.getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
    } catch (IOException e) {
      throw new FeatureException(jar + " is not a readable jar: " + e.getMessage(), e);
    }
  }

  private static String location(Path jar) {
    return jar.toUri().toString();
  }

  private static void uninstallQuietly(List<Bundle> bundles) {
    for (Bundle bundle : bundles) {
      try {
        bundle.uninstall();
      } catch (BundleException | RuntimeException e) {
        // best effort: the install failure is what gets reported
      }
    }
  }
}
