package io.sluice.bench.micro;

import java.util.List;
import java.util.Locale;

/**
 * One benchmark's measured throughput, as JMH reports it.
 *
 * @param benchmark the fully qualified benchmark method, e.g. {@code
 *     io.sluice.bench.micro.SerializerBenchmark.sluiceLong}
 * @param score mean operations per second
 * @param error half-width of the 99.9% confidence interval, NaN with too few iterations
 */
public record MicroResult(String benchmark, double score, double error) {

  /** One tab-separated line, so runs in different JVMs can be merged into one report. */
  public String toTsv() {
    return String.format(Locale.ROOT, "%s\t%s\t%s", benchmark, score, error);
  }

  public static MicroResult fromTsv(String line) {
    List<String> fields = List.of(line.split("\t"));
    if (fields.size() != 3) {
      throw new IllegalArgumentException("expected benchmark, score and error: " + line);
    }
    return new MicroResult(
        fields.get(0), Double.parseDouble(fields.get(1)), Double.parseDouble(fields.get(2)));
  }

  /** The class name without package. */
  String className() {
    String[] parts = benchmark.split("\\.");
    return parts[parts.length - 2];
  }

  /** The method name. */
  String methodName() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }
}
