package io.sluice.launcher.platform;

import io.sluice.launcher.feature.ConfigDefaults;
import io.sluice.launcher.feature.FeatureConfig;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Creates feature default configurations through the framework's Config Admin service. The launcher
 * lives outside the framework and does not link {@code org.osgi.service.cm} (Config Admin exports
 * it), so it calls the service through that package's interfaces, loaded from the bundle that
 * registered the service. Configurations are multi-location ({@code "?"}), like the ones File
 * Install creates from {@code conf/*.cfg}.
 *
 * <p>Thread-safe; each call waits up to the timeout for Config Admin to appear.
 */
final class ConfigAdminBridge implements ConfigDefaults {

  private static final String ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
  private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";

  private final ServiceTracker<Object, Object> tracker;
  private final Path confFolder;
  private final Duration timeout;

  /**
   * @param confFolder the folder File Install feeds to Config Admin: a PID with a file there
   *     belongs to File Install and never gets a feature default (checking Config Admin alone would
   *     race with File Install's first scan)
   */
  ConfigAdminBridge(BundleContext context, Path confFolder, Duration timeout) {
    this.tracker = new ServiceTracker<>(context, ADMIN, null);
    this.confFolder = confFolder;
    this.timeout = timeout;
    // All services, not only those whose package the system bundle shares: the launcher does not
    // import org.osgi.service.cm, so the framework would hide Config Admin from it otherwise.
    tracker.open(true);
  }

  @Override
  public boolean applyIfAbsent(FeatureConfig config) {
    if (Files.exists(confFolder.resolve(config.pid() + ".cfg"))
        || Files.exists(confFolder.resolve(config.pid() + ".config"))) {
      return false;
    }
    Object admin = awaitAdmin();
    ServiceReference<Object> reference = tracker.getServiceReference();
    try {
      Class<?> adminType = reference.getBundle().loadClass(ADMIN);
      Class<?> configurationType = reference.getBundle().loadClass(CONFIGURATION);
      Object configuration =
          adminType
              .getMethod("getConfiguration", String.class, String.class)
              .invoke(admin, config.pid(), "?");
      if (configurationType.getMethod("getProperties").invoke(configuration) != null) {
        return false;
      }
      Dictionary<String, Object> properties = new Hashtable<>(config.properties());
      configurationType.getMethod("update", Dictionary.class).invoke(configuration, properties);
      return true;
    } catch (InvocationTargetException e) {
      throw new PlatformException(
          "Config Admin refused configuration " + config.pid() + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new PlatformException(
          "Config Admin does not offer the org.osgi.service.cm API: " + e, e);
    }
  }

  /** The properties of the configuration with this PID, or empty if none exists. */
  Optional<Map<String, Object>> read(String pid) {
    Object admin = awaitAdmin();
    ServiceReference<Object> reference = tracker.getServiceReference();
    try {
      Class<?> adminType = reference.getBundle().loadClass(ADMIN);
      Object[] found =
          (Object[])
              adminType
                  .getMethod("listConfigurations", String.class)
                  .invoke(admin, "(service.pid=" + pid + ")");
      if (found == null || found.length == 0) {
        return Optional.empty();
      }
      Class<?> configurationType = reference.getBundle().loadClass(CONFIGURATION);
      Dictionary<?, ?> properties =
          (Dictionary<?, ?>) configurationType.getMethod("getProperties").invoke(found[0]);
      Map<String, Object> values = new TreeMap<>();
      if (properties != null) {
        for (Enumeration<?> keys = properties.keys(); keys.hasMoreElements(); ) {
          Object key = keys.nextElement();
          values.put(key.toString(), properties.get(key));
        }
      }
      return Optional.of(values);
    } catch (InvocationTargetException e) {
      throw new PlatformException(
          "Config Admin cannot list configuration " + pid + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new PlatformException(
          "Config Admin does not offer the org.osgi.service.cm API: " + e, e);
    }
  }

  void close() {
    tracker.close();
  }

  private Object awaitAdmin() {
    try {
      Object admin = tracker.waitForService(timeout.toMillis());
      if (admin == null) {
        throw new PlatformException(
            "no Config Admin service after "
                + timeout.toSeconds()
                + " s; is org.apache.felix.configadmin installed (feature core)?");
      }
      return admin;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while waiting for Config Admin", e);
    }
  }
}
