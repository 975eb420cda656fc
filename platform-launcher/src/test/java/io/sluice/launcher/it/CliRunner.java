package io.sluice.launcher.it;

import io.sluice.launcher.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs {@code sluice} commands in this JVM against a test distribution, as {@code bin/sluice} does,
 * and keeps what the last command printed.
 */
final class CliRunner {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs one command; returns its exit code. */
  int run(TestDistribution dist, String... args) {
    out.reset();
    err.reset();
    return Main.run(
        List.of(args),
        dist.distribution,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** What the last command printed to standard output. */
  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the last command printed to standard error. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
