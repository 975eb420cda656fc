package io.sluice.bench.common.hotpath;

/** Where a {@link Trade} was made: an enum field of the {@code pojo-shuffle} record. */
public enum Venue {
  LSE,
  NYSE,
  NASDAQ,
  XETRA,
  EURONEXT,
  TSE
}
