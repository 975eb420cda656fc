package io.sluice.bench.common.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NexmarkGeneratorTest {
  private static final int EVENTS = 50_000;
  private final NexmarkConfig config = NexmarkConfig.defaults(7);
  private final NexmarkGenerator generator = new NexmarkGenerator(config);

  @Test
  void everyCycleOfFiftyHoldsOnePersonThreeAuctionsAndFortySixBids() {
    for (long cycle = 0; cycle < 100; cycle++) {
      int persons = 0;
      int auctions = 0;
      int bids = 0;
      for (long n = cycle * 50; n < cycle * 50 + 50; n++) {
        Event e = generator.generate(n);
        int set = (e.person() != null ? 1 : 0) + (e.auction() != null ? 1 : 0);
        assertThat(set + (e.bid() != null ? 1 : 0)).isEqualTo(1);
        persons += e.person() != null ? 1 : 0;
        auctions += e.auction() != null ? 1 : 0;
        bids += e.bid() != null ? 1 : 0;
      }
      assertThat(new int[] {persons, auctions, bids}).containsExactly(1, 3, 46);
    }
  }

  @Test
  void anEventDependsOnlyOnSeedAndNumber() {
    NexmarkGenerator again = new NexmarkGenerator(NexmarkConfig.defaults(7));
    NexmarkGenerator otherSeed = new NexmarkGenerator(NexmarkConfig.defaults(8));
    int differing = 0;
    for (long n = 0; n < 2_000; n++) {
      assertThat(again.generate(n)).isEqualTo(generator.generate(n));
      differing += otherSeed.generate(n).equals(generator.generate(n)) ? 0 : 1;
    }
    assertThat(differing).isGreaterThan(1_900);
  }

  @Test
  void personsAndAuctionsGetConsecutiveIds() {
    long nextPerson = NexmarkGenerator.FIRST_PERSON_ID;
    long nextAuction = NexmarkGenerator.FIRST_AUCTION_ID;
    for (long n = 0; n < EVENTS; n++) {
      Event e = generator.generate(n);
      if (e.person() != null) {
        assertThat(e.person().id()).isEqualTo(nextPerson++);
      } else if (e.auction() != null) {
        assertThat(e.auction().id()).isEqualTo(nextAuction++);
        assertThat(e.auction().expires()).isGreaterThan(e.auction().dateTime());
        assertThat(e.auction().reserve()).isGreaterThanOrEqualTo(e.auction().initialBid());
      }
    }
  }

  @Test
  void bidsGoToTheHundredAuctionsInFlightAndHotAuctionsGetAtLeastHalf() {
    long lastAuction = NexmarkGenerator.FIRST_AUCTION_ID - 1;
    int bids = 0;
    int onHotAuction = 0;
    for (long n = 0; n < EVENTS; n++) {
      Event e = generator.generate(n);
      if (e.auction() != null) {
        lastAuction = e.auction().id();
      } else if (e.bid() != null) {
        bids++;
        long auction = e.bid().auction();
        // in flight: at most 100 behind the newest, at most the id lead (10) ahead of it
        assertThat(auction).isBetween(lastAuction - 100, lastAuction + 10);
        long base0 = lastAuction - NexmarkGenerator.FIRST_AUCTION_ID;
        if (auction - NexmarkGenerator.FIRST_AUCTION_ID == (base0 / 2) * 2) {
          onHotAuction++;
        }
      }
    }
    assertThat((double) onHotAuction / bids).isBetween(0.5, 0.55);
  }

  @Test
  void hotBiddersPlaceAndHotSellersOpenAboutThreeQuartersAndTheRestSpreadOut() {
    long lastPerson = NexmarkGenerator.FIRST_PERSON_ID - 1;
    int bids = 0;
    int byHotBidder = 0;
    int auctions = 0;
    int byHotSeller = 0;
    Set<Long> otherBidderOffsets = new HashSet<>();
    for (long n = 0; n < 200_000; n++) {
      Event e = generator.generate(n);
      if (e.person() != null) {
        lastPerson = e.person().id();
        continue;
      }
      long base0 = lastPerson - NexmarkGenerator.FIRST_PERSON_ID;
      if (e.auction() != null) {
        auctions++;
        byHotSeller +=
            e.auction().seller() - NexmarkGenerator.FIRST_PERSON_ID == base0 / 4 * 4 ? 1 : 0;
      } else {
        bids++;
        long bidder = e.bid().bidder() - NexmarkGenerator.FIRST_PERSON_ID;
        if (bidder == base0 / 4 * 4 + 1) {
          byHotBidder++;
        } else {
          otherBidderOffsets.add(bidder - base0);
        }
      }
    }
    // 3 in 4 hot, plus the few uniform picks that land on the hot one
    assertThat((double) byHotBidder / bids).isBetween(0.745, 0.765);
    assertThat((double) byHotSeller / auctions).isBetween(0.73, 0.78);
    // the others spread over the 1,000 active persons and the 10 ahead
    assertThat(otherBidderOffsets).hasSizeGreaterThan(1_000);
  }

  @Test
  void personsHaveANameAnEmailAddressAndACardNumberOfTheUsualShape() {
    Set<String> emails = new HashSet<>();
    for (long n = 0; n < EVENTS; n += 50) {
      Person person = generator.generate(n).person();
      assertThat(person.name()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
      assertThat(person.emailAddress()).matches("[a-z]{7}@[a-z]{5}\\.com");
      assertThat(person.creditCard()).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
      emails.add(person.emailAddress());
    }
    assertThat(emails).hasSize(EVENTS / 50);
  }

  @Test
  void hotIdsRoundDownToTheRatioWhetherOrNotItIsAPowerOfTwo() {
    for (int ratio = 1; ratio <= 9; ratio++) {
      for (long id : new long[] {0, 1, 2, 3, 7, 8, 1_000, 1_001, 123_456_789_011L}) {
        assertThat(NexmarkGenerator.hot(id, ratio))
            .as("%d at ratio %d", id, ratio)
            .isEqualTo(id - id % ratio);
      }
    }
  }

  @Test
  void sellersAndBiddersAreAmongTheThousandMostRecentPersons() {
    long lastPerson = NexmarkGenerator.FIRST_PERSON_ID - 1;
    Set<Long> bidders = new HashSet<>();
    for (long n = 0; n < 200_000; n++) {
      Event e = generator.generate(n);
      if (e.person() != null) {
        lastPerson = e.person().id();
      } else if (e.auction() != null) {
        assertThat(e.auction().seller()).isBetween(lastPerson - 1_000, lastPerson + 10);
      } else if (n > 100_000) {
        assertThat(e.bid().bidder()).isBetween(lastPerson - 1_000, lastPerson + 10);
        bidders.add(e.bid().bidder());
      }
    }
    assertThat(bidders.size()).isGreaterThan(500);
  }

  @Test
  void eventTimesAreAtMostFourSecondsEarlierThanDueAndNeverLate() {
    long maxSeen = Long.MIN_VALUE / 2;
    for (long n = 0; n < EVENTS; n++) {
      long t = generator.generate(n).timestamp();
      long due = generator.dueTime(n);
      assertThat(t).isBetween(due - 3_999, due);
      // the bounded-out-of-orderness watermark (max seen - 4 s) never overtakes an event
      assertThat(t).isGreaterThan(maxSeen - 4_000);
      maxSeen = Math.max(maxSeen, t);
    }
  }

  @Test
  void bidsAverageAboutOneHundredBytes() {
    long bytes = 0;
    int bids = 0;
    for (long n = 0; n < EVENTS; n++) {
      Bid bid = generator.generate(n).bid();
      if (bid != null) {
        bytes += 32 + bid.channel().length() + bid.url().length() + bid.extra().length();
        bids++;
      }
    }
    assertThat((double) bytes / bids).isBetween(90.0, 110.0);
  }

  @Test
  void bidPricesAreLogUniformFromOneDollarToAMillion() {
    int[] perDecade = new int[6];
    int bids = 0;
    for (long n = 0; n < EVENTS; n++) {
      Bid bid = generator.generate(n).bid();
      if (bid != null) {
        assertThat(bid.price()).isBetween(100L, 100_000_000L);
        perDecade[Math.min(5, (int) Math.floor(Math.log10(bid.price() / 100.0)))]++;
        bids++;
      }
    }
    for (int decade = 0; decade < 6; decade++) {
      assertThat((double) perDecade[decade] / bids).as("decade " + decade).isBetween(0.15, 0.18);
    }
  }

  @Test
  void auctionsHavePaddingOfTheirOwnLengthAndBidsShareFewPaddingStrings() {
    Set<String> paddings = new HashSet<>();
    long auctionBytes = 0;
    int auctions = 0;
    for (long n = 0; n < EVENTS; n++) {
      Event event = generator.generate(n);
      if (event.auction() != null) {
        Auction a = event.auction();
        auctionBytes +=
            8 + a.itemName().length() + a.description().length() + 56 + a.extra().length();
        auctions++;
      } else if (event.bid() != null) {
        assertThat(event.bid().extra()).matches("[a-z]*");
        paddings.add(event.bid().extra());
      }
    }
    assertThat((double) auctionBytes / auctions).isBetween(450.0, 550.0);
    // padding comes from a pool: at most 16 strings of each length
    assertThat(paddings.size()).isLessThanOrEqualTo(16 * 120).isGreaterThan(100);
  }

  @Test
  void halfTheBidsComeThroughFourHotChannelsAndEveryChannelKeepsItsUrl() {
    Map<String, String> urlOfChannel = new HashMap<>();
    int bids = 0;
    int hot = 0;
    for (long n = 0; n < 200_000; n++) {
      Bid bid = generator.generate(n).bid();
      if (bid != null) {
        bids++;
        hot += Set.of("Google", "Facebook", "Baidu", "Apple").contains(bid.channel()) ? 1 : 0;
        String before = urlOfChannel.putIfAbsent(bid.channel(), bid.url());
        assertThat(before == null ? bid.url() : before).isEqualTo(bid.url());
        assertThat(bid.url()).startsWith("https://www.nexmark.com/").contains("/item.htm?query=");
      }
    }
    assertThat((double) hot / bids).isBetween(0.48, 0.52);
    // the other half spread over the 10,000 channels: nearly all of them seen
    assertThat(urlOfChannel.size() - 4).isBetween(9_900, NexmarkGenerator.CHANNELS);
    assertThat(new HashSet<>(urlOfChannel.values()).size()).isGreaterThan(9_000);
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        Event.class,
        Person.class,
        Auction.class,
        Bid.class,
        AuctionPrice.class,
        SellerItem.class,
        AuctionWinner.class,
        PriceSum.class,
        CategoryAverage.class,
        AuctionBids.class,
        WindowBid.class,
        NewUser.class,
        BidderSession.class
      })
  void flinkSerializesTheRecordsAsPojosWithoutKryo(Class<?> type) {
    assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
  }
}
