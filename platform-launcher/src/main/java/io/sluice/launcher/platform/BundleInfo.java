package io.sluice.launcher.platform;

import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * What the CLI and the control API show about one installed bundle.
 *
 * @param id the framework's bundle id
 * @param symbolicName the Bundle-SymbolicName
 * @param version the Bundle-Version
 * @param state INSTALLED, RESOLVED, STARTING, STOPPING, ACTIVE or UNINSTALLED
 * @param startLevel the bundle's start level
 * @param location where it was installed from
 */
public record BundleInfo(
    long id, String symbolicName, String version, String state, int startLevel, String location) {

  public static BundleInfo of(Bundle bundle) {
    BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
    return new BundleInfo(
        bundle.getBundleId(),
        bundle.getSymbolicName(),
        bundle.getVersion().toString(),
        stateName(bundle.getState()),
        level == null ? 0 : level.getStartLevel(),
        bundle.getLocation());
  }

  public static String stateName(int state) {
    return switch (state) {
      case Bundle.UNINSTALLED -> "UNINSTALLED";
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      case Bundle.ACTIVE -> "ACTIVE";
      default -> "UNKNOWN(" + state + ")";
    };
  }
}
