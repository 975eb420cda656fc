package io.sluice.bench.runner;

import io.sluice.bench.common.Benchmark;

/**
 * Fits the full plan's record counts to this machine, so it keeps to its thirty minutes on a slower
 * machine too (the quick plan is not scaled: it keeps to its five minutes by running each case once
 * per engine, see {@link Plan#quick}). The probe is the plain Java NEXMark q0 loop (the generator
 * and checksum every NEXMark run pays, no engine) in a child JVM; its rate against the rate on the
 * machine where the record counts were chosen is the share of records this machine gets. Ratios
 * between the engines do not depend on it: both run the same records.
 *
 * @param probeRecordsPerSecond what the probe measured here (NaN: no probe ran)
 * @param scale the share of the plan's records this machine gets
 * @param note why no probe ran, or null
 */
record MachineCalibration(double probeRecordsPerSecond, double scale, String note) {
  /**
   * The probe's rate where the record counts were chosen: 2-core AMD EPYC, OpenJDK 17. The plain
   * Java baseline of NEXMark q0 measured 8.02 M events/s there on 2026-11-21; with the cheaper
   * harness of 2026-11-22 (checksum, pooled padding, price curve) the probe measured 11.0 to 15.6 M
   * on the same kind of machine (a shared VM: runs spread that much). 12 M keeps that machine's
   * records as planned and halves them on one a third as fast.
   */
  static final double REFERENCE_RECORDS_PER_SECOND = 12.0e6;

  /** The probe's records (and those of its warm-up run): about a second here. */
  static final long PROBE_RECORDS = 2_000_000;

  /** The case the probe runs on the plain Java engine. */
  static BenchCase probe() {
    return new BenchCase(Benchmark.NEXMARK_Q0, 1, PROBE_RECORDS, 1);
  }

  /**
   * The calibration for a probe that measured {@code recordsPerSecond}, scaling no further down
   * than {@code minScale} (shorter runs measure the JIT's warm-up more than throughput).
   */
  static MachineCalibration of(double recordsPerSecond, double minScale) {
    double scale =
        Math.max(minScale, Math.min(1.0, recordsPerSecond / REFERENCE_RECORDS_PER_SECOND));
    return new MachineCalibration(recordsPerSecond, scale, null);
  }

  /** No probe: the plan's records as they are, for the reason {@code why}. */
  static MachineCalibration none(String why) {
    return new MachineCalibration(Double.NaN, 1.0, why);
  }

  /** One line for the report. */
  String describe() {
    if (Double.isNaN(probeRecordsPerSecond)) {
      return "records as planned (" + note + ")";
    }
    return String.format(
        "records scaled by %.2f for this machine, at most as far as the plan allows (plain Java NEXMark q0 probe: %s events/s here,"
            + " %s where the record counts were chosen)",
        scale, Reports.count(probeRecordsPerSecond), Reports.count(REFERENCE_RECORDS_PER_SECOND));
  }
}
