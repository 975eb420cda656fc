package io.sluice.testkit.harness;

import io.sluice.api.operators.Output;
import java.util.Objects;

/**
 * One element an operator emitted, with its timestamp ({@link Output#NO_TIMESTAMP} when it has
 * none): {@code new StreamRecord<>("a", 5)} or {@code StreamRecord.of("a")}.
 */
public record StreamRecord<T>(T value, long timestamp) implements OutputElement {
  public StreamRecord {
    Objects.requireNonNull(value, "value");
  }

  /** An element without a timestamp. */
  public static <T> StreamRecord<T> of(T value) {
    return new StreamRecord<>(value, Output.NO_TIMESTAMP);
  }

  public boolean hasTimestamp() {
    return timestamp != Output.NO_TIMESTAMP;
  }

  @Override
  public String toString() {
    return "StreamRecord(" + value + (hasTimestamp() ? " @ " + timestamp : ", no timestamp") + ")";
  }
}
