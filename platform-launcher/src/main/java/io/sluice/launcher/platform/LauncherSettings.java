package io.sluice.launcher.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What {@code conf/sluice.properties} says:
 *
 * <ul>
 *   <li>{@code features} – comma-separated features installed at boot (default {@code core});
 *   <li>{@code rest.port} – port of the control API on 127.0.0.1 (default 8081, 0 = any free);
 *   <li>{@code service.timeout.seconds} – how long to wait for a service such as JobControl
 *       (default 30);
 *   <li>keys starting with {@code felix.} or {@code org.osgi.framework.} – passed to the framework
 *       unchanged, overriding the launcher's defaults.
 * </ul>
 */
public record LauncherSettings(
    List<String> features,
    int restPort,
    Duration serviceTimeout,
    Map<String, String> frameworkProperties) {

  public static final int DEFAULT_REST_PORT = 8081;

  public LauncherSettings {
    features = List.copyOf(features);
    frameworkProperties = Map.copyOf(frameworkProperties);
  }

  public static LauncherSettings defaults() {
    return from(new Properties(), "defaults");
  }

  /** Reads the file; a missing file means the defaults. */
  public static LauncherSettings load(Path file) {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return from(properties, file.toString());
  }

  static LauncherSettings from(Properties properties, String source) {
    List<String> features =
        Arrays.stream(properties.getProperty("features", "core").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    int port = integer(properties, "rest.port", DEFAULT_REST_PORT, source);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          source + ": rest.port must be between 0 and 65535, not " + port);
    }
    int timeout = integer(properties, "service.timeout.seconds", 30, source);
    Map<String, String> framework = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("felix.") || key.startsWith("org.osgi.framework.")) {
        framework.put(key, properties.getProperty(key).trim());
      }
    }
    return new LauncherSettings(features, port, Duration.ofSeconds(timeout), framework);
  }

  private static int integer(Properties properties, String key, int fallback, String source) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          source + ": " + key + " must be an integer, not '" + value.trim() + "'", e);
    }
  }
}
