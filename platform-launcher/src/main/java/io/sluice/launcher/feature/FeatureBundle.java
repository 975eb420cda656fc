package io.sluice.launcher.feature;

/**
 * One bundle of a feature.
 *
 * @param file the jar's file name in the distribution's {@code bundles/} folder
 * @param startLevel the bundle's start level (1 starts first)
 */
public record FeatureBundle(String file, int startLevel) {

  /** The start level of a bundle whose feature names none. */
  public static final int DEFAULT_START_LEVEL = 5;

  public FeatureBundle {
    if (file.isBlank()) {
      throw new IllegalArgumentException("bundle file name must not be blank");
    }
    if (startLevel < 1) {
      throw new IllegalArgumentException("start level must be at least 1: " + startLevel);
    }
  }
}
