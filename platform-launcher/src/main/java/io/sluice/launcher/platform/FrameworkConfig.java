package io.sluice.launcher.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Constants;

/**
 * The configuration map handed to Felix. Felix reads only this map, never system properties, so
 * everything the framework and File Install need is here:
 *
 * <ul>
 *   <li>storage, cleaned on first init (each boot reinstalls its features from {@code bundles/}, so
 *       a rebuilt distribution never runs stale cached bundles);
 *   <li>{@code io.sluice.platform} exported by the system bundle, so the launcher and the runtime
 *       bundle share {@code JobControl};
 *   <li>start levels: features name levels 1 to {@value #FEATURE_LEVELS}; everything else (deploy/,
 *       {@code sluice install}) gets {@value #DEFAULT_BUNDLE_LEVEL}, after the runtime;
 *   <li>File Install: the long-running platform watches {@code deploy/} and {@code conf/}, a
 *       one-shot run only {@code conf/} (for {@code *.cfg}), without writing changes back.
 * </ul>
 */
public final class FrameworkConfig {

  /** The package the system bundle exports for the launcher-runtime contract. */
  public static final String PLATFORM_API_EXPORT = "io.sluice.platform;version=1.1.0";

  static final int FEATURE_LEVELS = 6;
  static final int DEFAULT_BUNDLE_LEVEL = 7;
  static final int BEGINNING_LEVEL = 10;

  private FrameworkConfig() {}

  public static Map<String, String> of(PlatformOptions options) {
    Distribution dist = options.distribution();
    Map<String, String> config = new LinkedHashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, options.storage().toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, PLATFORM_API_EXPORT);
    config.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(BEGINNING_LEVEL));
    config.put("felix.startlevel.bundle", Integer.toString(DEFAULT_BUNDLE_LEVEL));
    config.put("felix.log.level", "1");
    config.put(Distribution.HOME_PROPERTY, dist.home().toString());

    String watched =
        options.longRunning() ? dist.deploy() + "," + dist.conf() : dist.conf().toString();
    config.put("felix.fileinstall.dir", watched);
    config.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)");
    config.put("felix.fileinstall.poll", "1000");
    config.put("felix.fileinstall.noInitialDelay", "true");
    config.put("felix.fileinstall.log.level", "2");
    config.put("felix.fileinstall.enableConfigSave", Boolean.toString(options.longRunning()));
    config.put("felix.fileinstall.tmpdir", options.storage().resolve("fileinstall-tmp").toString());

    config.putAll(options.frameworkProperties());
    return config;
  }
}
