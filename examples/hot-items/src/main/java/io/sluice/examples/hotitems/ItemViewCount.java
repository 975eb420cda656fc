package io.sluice.examples.hotitems;

/** The page views of one item in the sliding window that ends at {@code windowEnd}. */
public record ItemViewCount(long itemId, long windowEnd, long count) {}
