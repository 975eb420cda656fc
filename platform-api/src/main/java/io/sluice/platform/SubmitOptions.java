package io.sluice.platform;

import java.util.List;

/**
 * How to run a submitted job.
 *
 * @param args the job's arguments, as for a main method
 * @param parallelism the default parallelism, or 0 for the platform's default
 */
public record SubmitOptions(List<String> args, int parallelism) {

  public SubmitOptions {
    args = List.copyOf(args);
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must not be negative: " + parallelism);
    }
  }

  public static SubmitOptions of(String... args) {
    return new SubmitOptions(List.of(args), 0);
  }
}
