package io.sluice.launcher.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real job bundles for launcher ITs that need a job which keeps running: the source in {@code
 * src/test/resources/jobs/ticks} is compiled against the distribution's {@code sluice-api.jar} (the
 * launcher's own class path never holds the API) and packed with a {@code Sluice-Job} header.
 */
final class TestJobs {

  private static final List<String> API_PACKAGES =
      List.of(
          "io.sluice.api",
          "io.sluice.api.checkpoint",
          "io.sluice.api.connector.source",
          "io.sluice.api.connector.source.util",
          "io.sluice.api.datastream",
          "io.sluice.api.eventtime",
          "io.sluice.api.functions");

  private TestJobs() {}

  /**
   * The ticks job ({@code ticks.TickJob}): runs until canceled, with keyed state over 16 keys.
   *
   * @param work a scratch folder for sources and classes
   */
  static Path ticks(TestDistribution dist, Path work) throws IOException {
    Path sources = work.resolve("ticks-src/ticks");
    Files.createDirectories(sources);
    Path source = sources.resolve("TickJob.java");
    try (InputStream in = TestJobs.class.getResourceAsStream("/jobs/ticks/TickJob.java")) {
      if (in == null) {
        throw new IOException("no /jobs/ticks/TickJob.java on the test class path");
      }
      Files.copy(in, source);
    }
    Path classes = Files.createDirectories(work.resolve("ticks-classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "--release",
                    "17",
                    "-cp",
                    dist.distribution.bundles().resolve("sluice-api.jar").toString(),
                    "-d",
                    classes.toString()),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source))
            .call();
    if (!compiled) {
      throw new IOException("the ticks job does not compile:\n" + diagnostics);
    }
    return jar(work.resolve("ticks.jar"), classes);
  }

  private static Path jar(Path jar, Path classes) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", "test.job.ticks");
    main.putValue("Bundle-Version", "1.0.0");
    main.putValue("Import-Package", String.join(",", API_PACKAGES));
    main.putValue("Sluice-Job", "ticks.TickJob");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Path classFile : files) {
        out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
    }
    return jar;
  }
}
