package io.sluice.testkit.harness;

/**
 * A watermark an operator forwarded or emitted: no element at or before {@code timestamp} follows.
 */
public record Watermark(long timestamp) implements OutputElement {
  @Override
  public String toString() {
    return "Watermark(" + timestamp + ")";
  }
}
