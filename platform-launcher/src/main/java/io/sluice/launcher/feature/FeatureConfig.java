package io.sluice.launcher.feature;

import java.util.Map;
import java.util.TreeMap;

/**
 * A default configuration for Config Admin. It is applied only if no configuration with this PID
 * exists, so a {@code conf/<pid>.cfg} file always wins.
 *
 * @param pid the configuration's persistent identity, e.g. {@code io.sluice.runtime}
 * @param properties the key-value pairs, sorted by key
 */
public record FeatureConfig(String pid, Map<String, String> properties) {

  public FeatureConfig {
    if (pid.isBlank()) {
      throw new IllegalArgumentException("config pid must not be blank");
    }
    properties = Map.copyOf(properties);
  }

  /** The properties sorted by key, for stable output. */
  public Map<String, String> sortedProperties() {
    return new TreeMap<>(properties);
  }
}
