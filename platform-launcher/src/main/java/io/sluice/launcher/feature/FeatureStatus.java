package io.sluice.launcher.feature;

import java.util.List;

/**
 * A known feature and whether the operator installed it.
 *
 * @param name the feature's name
 * @param description its one-line description
 * @param installed true if installed by name (at boot or by {@code feature install})
 * @param requires the features it needs
 * @param bundles its own bundles' file names
 */
public record FeatureStatus(
    String name,
    String description,
    boolean installed,
    List<String> requires,
    List<String> bundles) {

  public FeatureStatus {
    requires = List.copyOf(requires);
    bundles = List.copyOf(bundles);
  }
}
