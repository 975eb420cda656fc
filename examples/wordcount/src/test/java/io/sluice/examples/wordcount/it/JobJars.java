package io.sluice.examples.wordcount.it;

import io.sluice.platform.JobControl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds tiny job bundles at test time: a manifest naming the job class in {@code Sluice-Job} and
 * importing {@code io.sluice.api}, plus class files copied from the test class path.
 */
public final class JobJars {
  private JobJars() {}

  /**
   * A bundle jar with {@code classes} in it whose {@code Sluice-Job} header is {@code jobClass}
   * (which need not be one of them, to test a missing class).
   */
  public static byte[] jobBundle(String symbolicName, String jobClass, Class<?>... classes)
      throws IOException {
    return jobBundle(symbolicName, jobClass, List.of("io.sluice.api;version=\"[1.0,2)\""), classes);
  }

  /** As {@link #jobBundle(String, String, Class...)}, importing {@code imports}. */
  public static byte[] jobBundle(
      String symbolicName, String jobClass, List<String> imports, Class<?>... classes)
      throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", symbolicName);
    main.putValue("Bundle-Version", "1.0.0");
    main.putValue("Import-Package", String.join(",", imports));
    main.putValue(JobControl.JOB_HEADER, jobClass);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      for (Class<?> type : classes) {
        String entry = type.getName().replace('.', '/') + ".class";
        try (InputStream classFile = type.getClassLoader().getResourceAsStream(entry)) {
          if (classFile == null) {
            throw new IOException("Class file " + entry + " not found on the test class path");
          }
          jar.putNextEntry(new JarEntry(entry));
          classFile.transferTo(jar);
          jar.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }
}
