package io.sluice.bench.common.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkQueriesTest {
  private static final long T = NexmarkConfig.DEFAULT_BASE_TIME;

  private static Bid bid(long auction, long bidder, long price, long time) {
    return new Bid(auction, bidder, price, "Google", "u", time, "");
  }

  private static Auction auction(long id, long category, long from, long expires) {
    return new Auction(id, "i", "d", 1, 2, from, expires, 1000, category, "");
  }

  @Test
  void higherBidPrefersThePriceThenTheEarlierBidWhicheverComesFirst() {
    Bid cheap = bid(1, 1, 100, T);
    Bid dear = bid(1, 1, 200, T + 5);
    Bid dearEarlier = bid(2, 1, 200, T + 1);

    assertThat(NexmarkQueries.higherBid(cheap, dear)).isSameAs(dear);
    assertThat(NexmarkQueries.higherBid(dear, cheap)).isSameAs(dear);
    assertThat(NexmarkQueries.higherBid(dear, dearEarlier)).isSameAs(dearEarlier);
    assertThat(NexmarkQueries.higherBid(dearEarlier, dear)).isSameAs(dearEarlier);
  }

  @Test
  void mostBidsKeepsEveryAuctionTiedForTheTop() {
    AuctionBids a = new AuctionBids(1, 3, T, T + 10_000);
    AuctionBids b = new AuctionBids(2, 5, T, T + 10_000);
    AuctionBids c = new AuctionBids(3, 5, T, T + 10_000);

    assertThat(NexmarkQueries.mostBids(List.of(a, b, c))).containsExactlyInAnyOrder(b, c);
  }

  @Test
  void aBidCountsForAnAuctionFromItsStartToItsExpiryInclusive() {
    Auction open = auction(7, 10, T, T + 100);

    assertThat(NexmarkQueries.bidsDuring(bid(7, 1, 1, T), open)).isTrue();
    assertThat(NexmarkQueries.bidsDuring(bid(7, 1, 1, T + 100), open)).isTrue();
    assertThat(NexmarkQueries.bidsDuring(bid(7, 1, 1, T - 1), open)).isFalse();
    assertThat(NexmarkQueries.bidsDuring(bid(7, 1, 1, T + 101), open)).isFalse();
    assertThat(NexmarkQueries.bidsDuring(bid(8, 1, 1, T + 50), open)).isFalse();
  }

  @Test
  void newUsersNeedAnAuctionInTheWindowAndCarryThePersonsWindow() {
    Person p = new Person(1000, "Kate Smith", "e", "c", "Bend", "OR", T + 12_345, "");

    assertThat(NexmarkQueries.newUsers(List.of(p), List.of(), 10_000)).isEmpty();
    assertThat(NexmarkQueries.newUsers(List.of(p), List.of(auction(1, 10, T, T + 1)), 10_000))
        .containsExactly(new NewUser(1000, "Kate Smith", T + 10_000, T + 20_000));
  }

  @Test
  void runningAverageRoundsHalfUpToWholeCents() {
    PriceSum sum = PriceSum.EMPTY.plus(100).plus(101);

    assertThat(sum).isEqualTo(new PriceSum(201, 2));
    assertThat(sum.average()).isEqualTo(101);
    assertThat(NexmarkQueries.categoryAverage(10, T, sum))
        .isEqualTo(new CategoryAverage(10, T, 2, 101));
  }

  @Test
  void localSellersLiveInOregonIdahoOrCalifornia() {
    Person oregon = new Person(1, "n", "e", "c", "Bend", "OR", T, "");
    Person arizona = new Person(2, "n", "e", "c", "Phoenix", "AZ", T, "");

    assertThat(NexmarkQueries.isLocalSeller(Event.of(oregon))).isTrue();
    assertThat(NexmarkQueries.isLocalSeller(Event.of(arizona))).isFalse();
    assertThat(NexmarkQueries.isCategoryTenAuction(Event.of(auction(1, 10, T, T + 1)))).isTrue();
    assertThat(NexmarkQueries.isCategoryTenAuction(Event.of(auction(1, 11, T, T + 1)))).isFalse();
  }
}
