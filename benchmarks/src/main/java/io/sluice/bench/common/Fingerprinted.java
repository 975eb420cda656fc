package io.sluice.bench.common;

/**
 * A record that can state a 64-bit hash of its value, the same in every JVM: its fields folded with
 * {@link Fingerprint#combine}; {@link Fingerprint#of} mixes it before the sinks sum it.
 */
public interface Fingerprinted {
  long fingerprint();
}
