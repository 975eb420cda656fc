package io.sluice.launcher.feature;

import java.util.ArrayList;
import java.util.List;

/**
 * What installing or uninstalling features does to the framework, computed before anything changes
 * so that {@code --dry-run} can show it, including the bundles a refresh would restart.
 *
 * @param action "install" or "uninstall"
 * @param features the features named by the operator
 * @param install bundles to install, in order
 * @param start bundles to start, in start-level order
 * @param stop bundles to stop, highest start level first
 * @param uninstall bundles to uninstall
 * @param refresh other bundles the framework refreshes (stops, rewires, restarts) because they
 *     depend on an uninstalled one
 * @param configs default configurations to create where none exists
 */
public record FeaturePlan(
    String action,
    List<String> features,
    List<PlannedBundle> install,
    List<PlannedBundle> start,
    List<PlannedBundle> stop,
    List<PlannedBundle> uninstall,
    List<PlannedBundle> refresh,
    List<FeatureConfig> configs) {

  public FeaturePlan {
    features = List.copyOf(features);
    install = List.copyOf(install);
    start = List.copyOf(start);
    stop = List.copyOf(stop);
    uninstall = List.copyOf(uninstall);
    refresh = List.copyOf(refresh);
    configs = List.copyOf(configs);
  }

  /** True if executing the plan changes nothing. */
  public boolean isEmpty() {
    return install.isEmpty()
        && start.isEmpty()
        && stop.isEmpty()
        && uninstall.isEmpty()
        && refresh.isEmpty()
        && configs.isEmpty();
  }

  /** The plan as lines for a terminal, one step per line. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    install.forEach(b -> lines.add("install    " + b));
    start.forEach(b -> lines.add("start      " + b));
    stop.forEach(b -> lines.add("stop       " + b));
    uninstall.forEach(b -> lines.add("uninstall  " + b));
    refresh.forEach(b -> lines.add("refresh    " + b));
    configs.forEach(
        c -> lines.add("configure  " + c.pid() + " " + c.sortedProperties() + " (unless present)"));
    if (lines.isEmpty()) {
      lines.add("nothing to do");
    }
    return lines;
  }
}
