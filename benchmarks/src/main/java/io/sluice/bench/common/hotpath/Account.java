package io.sluice.bench.common.hotpath;

/** The account behind a {@link Trade}: the nested record of the {@code pojo-shuffle} record. */
public record Account(long id, String desk) {}
