package io.sluice.examples.wordcount.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam configuration shared by the integration tests: Felix with the real bundles of the
 * core feature (OSGi utilities, SCR, Config Admin, and the Sluice api, shuffle-local, state-heap
 * and runtime bundles as built in this reactor), plus {@code io.sluice.platform} exported by the
 * system bundle as the launcher does.
 *
 * <p>Also locates the built jars. Paths are resolved from the Maven module directory ({@code
 * basedir}, set by failsafe), falling back to the working directory, so the tests work from Maven
 * and from an IDE that runs them in the module directory.
 */
public final class CoreFeature {
  /** What the platform exports from its class path; matches platform-api's package version. */
  static final String PLATFORM_PACKAGE = "io.sluice.platform;version=1.1.0";

  /** The Sluice bundles of the core feature, by module directory under {@code bundles/}. */
  static final List<String> SLUICE_MODULES =
      List.of("api", "shuffle-local", "state-heap", "runtime");

  /** Symbolic names of every bundle {@link #options()} installs, besides the test's own. */
  static final List<String> BUNDLE_NAMES =
      List.of(
          "org.osgi.util.function",
          "org.osgi.util.promise",
          "org.osgi.service.component",
          "org.apache.felix.scr",
          "org.apache.felix.configadmin",
          "sluice-api",
          "sluice-shuffle-local",
          "sluice-state-heap",
          "sluice-runtime");

  private CoreFeature() {}

  /** Felix with the core feature started. */
  public static Option[] options() {
    return new Option[] {
      cleanCaches(),
      frameworkProperty("felix.log.level").value("1"),
      systemPackage(PLATFORM_PACKAGE),
      mavenBundle("org.osgi", "org.osgi.util.function", version("osgi.function")),
      mavenBundle("org.osgi", "org.osgi.util.promise", version("osgi.promise")),
      mavenBundle("org.osgi", "org.osgi.service.component", version("osgi.component")),
      mavenBundle("org.apache.felix", "org.apache.felix.scr", version("felix.scr")),
      mavenBundle("org.apache.felix", "org.apache.felix.configadmin", version("felix.configadmin")),
      bundle(reactorBundle("api").toUri().toString()),
      bundle(reactorBundle("shuffle-local").toUri().toString()),
      bundle(reactorBundle("state-heap").toUri().toString()),
      bundle(reactorBundle("runtime").toUri().toString()),
      junitBundles()
    };
  }

  /** The built jar of {@code bundles/<module>}. */
  public static Path reactorBundle(String module) {
    return builtJar(reactorRoot().resolve("bundles").resolve(module));
  }

  /** The WordCount job bundle, as packaged by this module before the integration tests run. */
  public static Path wordCountJar() {
    return builtJar(moduleDirectory());
  }

  /** A fresh, empty directory for one test's files under {@code target/it-work}. */
  public static Path workDirectory(String name) throws IOException {
    String configured = System.getProperty("sluice.it.workDir");
    Path root =
        configured != null ? Path.of(configured) : moduleDirectory().resolve("target/it-work");
    Path dir = root.resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.delete(file);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static String version(String name) {
    String key = "sluice.it.version." + name;
    String value = System.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(
          "System property "
              + key
              + " is not set; run the integration tests through Maven (failsafe passes the"
              + " versions of the root pom), e.g. mvn -pl examples/wordcount -am verify"
              + " -DskipITs=false");
    }
    return value;
  }

  private static Path moduleDirectory() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  private static Path reactorRoot() {
    for (Path dir = moduleDirectory(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("bundles/api/pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "Cannot find the Sluice reactor root (a directory with bundles/api/pom.xml) above "
            + moduleDirectory());
  }

  private static Path builtJar(Path moduleDir) {
    Path target = moduleDir.resolve("target");
    List<Path> jars;
    try (Stream<Path> files = Files.list(target)) {
      jars =
          files
              .filter(f -> f.getFileName().toString().endsWith(".jar"))
              .filter(f -> !f.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "No built bundle in " + target + ": build the reactor first (mvn -am ... package)", e);
    }
    if (jars.size() != 1) {
      throw new IllegalStateException(
          "Expected exactly one bundle jar in " + target + " but found " + jars);
    }
    return jars.get(0);
  }
}
