package io.sluice.bench.common;

import java.util.Map;

/**
 * The outcome of one measured run of one benchmark on one engine, in one JVM: what the child prints
 * as a JSON line and the runner reads back.
 *
 * @param engine "sluice" or "flink"
 * @param engineVersion the engine's version
 * @param benchmark the benchmark id
 * @param parallelism the job's parallelism
 * @param records records generated
 * @param outputs records the sinks consumed
 * @param checksum the sinks' order-independent checksum, in hex
 * @param processingMillis from the first generated record to the end of the last sink
 * @param jobMillis the whole job submission, deployment included, as the caller waited for it
 * @param recordsPerSecond generated records per second of processing time
 * @param peakRssKib the JVM's peak resident set (VmHWM) at the end, warm-up runs included
 * @param latencyP50Micros median generation-to-sink latency, or null where not measured
 * @param latencyP99Micros 99th percentile latency, or null
 * @param latencyP999Micros 99.9th percentile latency, or null
 */
public record RunResult(
    String engine,
    String engineVersion,
    String benchmark,
    int parallelism,
    long records,
    long outputs,
    String checksum,
    double processingMillis,
    double jobMillis,
    double recordsPerSecond,
    long peakRssKib,
    Double latencyP50Micros,
    Double latencyP99Micros,
    Double latencyP999Micros) {

  public String toJson() {
    return Json.object()
        .put("engine", engine)
        .put("engineVersion", engineVersion)
        .put("benchmark", benchmark)
        .put("parallelism", parallelism)
        .put("records", records)
        .put("outputs", outputs)
        .put("checksum", checksum)
        .put("processingMillis", processingMillis)
        .put("jobMillis", jobMillis)
        .put("recordsPerSecond", recordsPerSecond)
        .put("peakRssKib", peakRssKib)
        .put("latencyP50Micros", latencyP50Micros)
        .put("latencyP99Micros", latencyP99Micros)
        .put("latencyP999Micros", latencyP999Micros)
        .toString();
  }

  public static RunResult fromJson(String line) {
    Map<String, Object> m = Json.parseFlatObject(line);
    return new RunResult(
        (String) m.get("engine"),
        (String) m.get("engineVersion"),
        (String) m.get("benchmark"),
        (int) number(m, "parallelism").longValue(),
        number(m, "records").longValue(),
        number(m, "outputs").longValue(),
        (String) m.get("checksum"),
        number(m, "processingMillis").doubleValue(),
        number(m, "jobMillis").doubleValue(),
        number(m, "recordsPerSecond").doubleValue(),
        number(m, "peakRssKib").longValue(),
        optionalDouble(m, "latencyP50Micros"),
        optionalDouble(m, "latencyP99Micros"),
        optionalDouble(m, "latencyP999Micros"));
  }

  private static Number number(Map<String, Object> m, String name) {
    Object v = m.get(name);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("result line lacks the number '" + name + "': " + m);
    }
    return n;
  }

  private static Double optionalDouble(Map<String, Object> m, String name) {
    Object v = m.get(name);
    return v == null ? null : ((Number) v).doubleValue();
  }
}
