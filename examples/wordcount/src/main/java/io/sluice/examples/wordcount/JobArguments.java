package io.sluice.examples.wordcount;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The WordCount job's arguments: {@code --input FILE --output FILE} (also {@code --input=FILE}).
 *
 * @param input the text file (or directory of files) to count
 * @param output the file the sorted counts are written to
 */
public record JobArguments(Path input, Path output) {

  /** How the job is called, included in every argument error. */
  public static final String USAGE = "Usage: wordcount --input FILE --output FILE";

  public JobArguments {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
  }

  /**
   * Parses the job's arguments.
   *
   * @throws IllegalArgumentException naming the missing, repeated, empty or unknown option, with
   *     the usage
   */
  public static JobArguments parse(String... args) {
    String input = null;
    String output = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String option = arg;
      String value;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        option = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        value = null;
      }
      switch (option) {
        case "--input" -> input = checkValue(option, value, input);
        case "--output" -> output = checkValue(option, value, output);
        default -> throw error("Unknown argument '" + arg + "'.");
      }
    }
    if (input == null) {
      throw error("Missing required option --input.");
    }
    if (output == null) {
      throw error("Missing required option --output.");
    }
    return new JobArguments(Path.of(input), Path.of(output));
  }

  private static String checkValue(String option, String value, String previous) {
    if (previous != null) {
      throw error("Option " + option + " is given twice.");
    }
    if (value == null || value.isBlank() || value.startsWith("--")) {
      throw error("Option " + option + " needs a file name.");
    }
    return value;
  }

  private static IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(problem + " " + USAGE);
  }
}
