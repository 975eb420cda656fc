package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/**
 * The output of NEXMark q8: a person who registered and opened at least one auction in the same
 * window {@code [windowStart, windowEnd)}.
 */
public record NewUser(long person, String name, long windowStart, long windowEnd)
    implements Fingerprinted {
  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(9, person);
    h = Fingerprint.combine(h, name);
    h = Fingerprint.combine(h, windowStart);
    return Fingerprint.combine(h, windowEnd);
  }
}
