package io.sluice.launcher.feature;

import java.util.List;

/**
 * A named set of bundles the launcher installs together, with the features it needs first and the
 * default configurations it brings. Read from the XML files of the distribution's {@code features/}
 * folder by {@link FeatureXml}.
 *
 * @param name unique among all features
 * @param description one line for {@code sluice features}
 * @param requires names of the features installed before this one, in order
 * @param bundles the bundles of this feature, in order
 * @param configs default configurations, applied only where no configuration exists yet
 * @param source the file the feature was read from, for error messages
 */
public record Feature(
    String name,
    String description,
    List<String> requires,
    List<FeatureBundle> bundles,
    List<FeatureConfig> configs,
    String source) {

  public Feature {
    requires = List.copyOf(requires);
    bundles = List.copyOf(bundles);
    configs = List.copyOf(configs);
  }
}
