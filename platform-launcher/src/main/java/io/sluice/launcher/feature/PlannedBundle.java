package io.sluice.launcher.feature;

/**
 * One bundle in a {@link FeaturePlan}.
 *
 * @param name the jar's file name for feature bundles, the symbolic name for bundles a refresh
 *     touches
 * @param id the framework's bundle id, or -1 for a bundle not installed yet
 * @param startLevel its start level, or 0 if it does not matter for the step
 */
public record PlannedBundle(String name, long id, int startLevel) {

  @Override
  public String toString() {
    String where = id < 0 ? "" : " [" + id + "]";
    String level = startLevel > 0 ? " (start level " + startLevel + ")" : "";
    return name + where + level;
  }
}
