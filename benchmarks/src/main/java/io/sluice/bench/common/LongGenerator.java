package io.sluice.bench.common;

/** Record {@code i} is the long {@code i}. */
public final class LongGenerator implements RecordGenerator<Long> {
  private static final long serialVersionUID = 1L;

  @Override
  public Long generate(long index) {
    return index;
  }

  @Override
  public Class<Long> type() {
    return Long.class;
  }
}
