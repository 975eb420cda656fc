package io.sluice.launcher.cli;

import io.sluice.launcher.platform.Distribution;
import io.sluice.launcher.platform.PlatformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a JOB argument into a jar path: an existing file, or the name of an example in the
 * distribution's {@code examples/} folder ({@code wordcount} is {@code
 * examples/sluice-example-wordcount.jar}).
 */
final class JobLocator {

  private JobLocator() {}

  static Path resolve(Distribution distribution, String job) {
    Path file = Path.of(job);
    if (Files.exists(file)) {
      return file.toAbsolutePath().normalize();
    }
    String name = job.endsWith(".jar") ? job.substring(0, job.length() - 4) : job;
    if (!name.contains("/")) {
      for (String candidate : new String[] {name + ".jar", "sluice-example-" + name + ".jar"}) {
        Path example = distribution.examples().resolve(candidate);
        if (Files.isRegularFile(example)) {
          return example;
        }
      }
    }
    throw new PlatformException(
        "no job jar '"
            + job
            + "': it is neither a file nor an example; examples: "
            + examples(distribution));
  }

  private static String examples(Distribution distribution) {
    try (Stream<Path> files = Files.list(distribution.examples())) {
      String names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".jar"))
              .map(n -> n.substring(0, n.length() - 4).replaceFirst("^sluice-example-", ""))
              .sorted()
              .collect(Collectors.joining(", "));
      return names.isEmpty() ? "none" : names;
    } catch (IOException e) {
      return "none (no " + distribution.examples() + ")";
    }
  }
}
