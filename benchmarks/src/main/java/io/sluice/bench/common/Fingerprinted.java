package io.sluice.bench.common;

/** A record that can state a well-mixed 64-bit hash of its value, the same in every JVM. */
public interface Fingerprinted {
  long fingerprint();
}
