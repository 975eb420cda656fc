package io.sluice.spi.metrics;

/**
 * One metric reading, named as Flink users know them.
 *
 * @param scope {@code <job>.<operator>.<subtask>}
 * @param name e.g. {@code numRecordsIn}
 * @param value the reading
 */
public record MetricValue(String scope, String name, Number value) {
  public String fullName() {
    return scope + "." + name;
  }
}
