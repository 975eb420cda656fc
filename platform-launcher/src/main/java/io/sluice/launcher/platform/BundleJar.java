package io.sluice.launcher.platform;

import io.sluice.platform.JobControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;

/**
 * The manifest facts of a jar file on disk, read before the framework sees it so that a missing
 * file, a plain jar or a bundle without a job get a one-line error instead of a framework stack
 * trace.
 *
 * @param path the jar
 * @param symbolicName its Bundle-SymbolicName (without directives)
 * @param fragmentHost its Fragment-Host, or null if it is not a fragment
 * @param jobClass its {@value JobControl#JOB_HEADER} header, or null if it is not a job bundle
 */
public record BundleJar(Path path, String symbolicName, String fragmentHost, String jobClass) {

  /**
   * Reads the manifest.
   *
   * @throws PlatformException if the file is missing, not a jar, or not an OSGi bundle
   */
  public static BundleJar inspect(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new PlatformException(path + " does not exist or is not a file");
    }
    Manifest manifest;
    try (JarFile jar = new JarFile(path.toFile())) {
      manifest = jar.getManifest();
    } catch (IOException e) {
      throw new PlatformException(path + " is not a jar file (" + e.getMessage() + ")", e);
    }
    Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
    String name = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
    if (name == null || name.isBlank()) {
      throw new PlatformException(
          path
              + " is a jar but not an OSGi bundle: its manifest has no Bundle-SymbolicName. Build it with "
              + "bnd-maven-plugin (see examples/wordcount).");
    }
    return new BundleJar(
        path,
        name.split(";")[0].trim(),
        main.getValue(Constants.FRAGMENT_HOST),
        main.getValue(JobControl.JOB_HEADER));
  }

  public boolean isFragment() {
    return fragmentHost != null;
  }

  /**
   * Checks that the jar is a job bundle.
   *
   * @throws PlatformException naming the missing header otherwise
   */
  public BundleJar requireJob() {
    if (jobClass == null || jobClass.isBlank()) {
      throw new PlatformException(
          path
              + " is bundle "
              + symbolicName
              + " but not a job: its manifest has no "
              + JobControl.JOB_HEADER
              + " header naming the job class.");
    }
    return this;
  }
}
