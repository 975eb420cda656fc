package io.sluice.launcher.it;

import io.sluice.launcher.testbundle.FakeRuntimeActivator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds small jars for launcher tests: job bundles, plain jars and the fake runtime bundle. */
final class TestBundles {

  private TestBundles() {}

  /** A bundle with no classes; {@code jobClass} null leaves out the Sluice-Job header. */
  static Path bundle(Path jar, String symbolicName, String jobClass) throws IOException {
    Manifest manifest = manifest();
    manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
    manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
    if (jobClass != null) {
      manifest.getMainAttributes().putValue("Sluice-Job", jobClass);
    }
    write(jar, manifest, List.of(), null);
    return jar;
  }

  /** A jar that is not a bundle. */
  static Path plainJar(Path jar) throws IOException {
    write(jar, manifest(), List.of(), null);
    return jar;
  }

  /** The fake runtime bundle (symbolic name sluice-runtime) made of the testbundle package. */
  static Path fakeRuntime(Path jar) throws IOException {
    Manifest manifest = manifest();
    Attributes main = manifest.getMainAttributes();
    main.putValue("Bundle-SymbolicName", "sluice-runtime");
    main.putValue("Bundle-Version", "0.0.1");
    main.putValue("Bundle-Activator", FakeRuntimeActivator.class.getName());
    main.putValue("Import-Package", "io.sluice.platform;version=\"[1.0,2)\",org.osgi.framework");
    Path classes;
    try {
      classes =
          Path.of(
              FakeRuntimeActivator.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    String packagePath = FakeRuntimeActivator.class.getPackageName().replace('.', '/');
    List<Path> files;
    try (Stream<Path> list = Files.list(classes.resolve(packagePath))) {
      files = list.filter(p -> p.toString().endsWith(".class")).toList();
    }
    write(jar, manifest, files, packagePath);
    return jar;
  }

  private static Manifest manifest() {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
    return manifest;
  }

  private static void write(Path jar, Manifest manifest, List<Path> classFiles, String packagePath)
      throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Path classFile : classFiles) {
        out.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
    }
  }
}
