package io.sluice.bench.common.nexmark;

/**
 * The intermediate result of NEXMark q4: the highest bid price on an auction within its lifetime,
 * known once the watermark passes {@code expires}.
 */
public record AuctionWinner(long auction, long category, long price, long expires) {}
