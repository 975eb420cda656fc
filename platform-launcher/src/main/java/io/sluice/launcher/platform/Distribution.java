package io.sluice.launcher.platform;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder layout of an unpacked Sluice distribution: {@code bin/ lib/ bundles/ features/ conf/
 * deploy/ examples/ log/ data/}. Every path the launcher touches comes from here.
 *
 * @param home the distribution's root folder, absolute
 */
public record Distribution(Path home) {

  /** The system property {@code bin/sluice} sets to the distribution's root. */
  public static final String HOME_PROPERTY = "sluice.home";

  public Distribution {
    home = home.toAbsolutePath().normalize();
  }

  /**
   * The distribution this launcher runs from: {@value #HOME_PROPERTY} if set, else the parent of
   * the {@code lib/} folder holding the launcher's jar.
   */
  public static Distribution locate() {
    String property = System.getProperty(HOME_PROPERTY);
    if (property != null && !property.isBlank()) {
      return new Distribution(Path.of(property));
    }
    try {
      Path jar =
          Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path lib = Files.isDirectory(jar) ? jar : jar.getParent();
      return new Distribution(lib.getParent());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new IllegalStateException(
          "cannot tell where the distribution is; set -D" + HOME_PROPERTY + "=<folder>", e);
    }
  }

  public Path bundles() {
    return home.resolve("bundles");
  }

  public Path features() {
    return home.resolve("features");
  }

  public Path conf() {
    return home.resolve("conf");
  }

  public Path deploy() {
    return home.resolve("deploy");
  }

  public Path examples() {
    return home.resolve("examples");
  }

  public Path log() {
    return home.resolve("log");
  }

  public Path data() {
    return home.resolve("data");
  }

  /** The framework storage of the long-running platform. */
  public Path felixCache() {
    return data().resolve("felix-cache");
  }

  public Path settingsFile() {
    return conf().resolve("sluice.properties");
  }

  public Path pidFile() {
    return log().resolve("sluice.pid");
  }

  public Path portFile() {
    return log().resolve("sluice.port");
  }

  public Path logFile() {
    return log().resolve("sluice.log");
  }
}
