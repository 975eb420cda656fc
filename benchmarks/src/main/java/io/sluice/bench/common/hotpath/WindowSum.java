package io.sluice.bench.common.hotpath;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/**
 * The output of {@code window-aggregate}: a key's count and sum in the event-time window that ends
 * (exclusive) at {@code windowEnd}.
 */
public record WindowSum(long key, long windowEnd, long count, long sum) implements Fingerprinted {
  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(11, key);
    h = Fingerprint.combine(h, windowEnd);
    h = Fingerprint.combine(h, count);
    return Fingerprint.combine(h, sum);
  }
}
