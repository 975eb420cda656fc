package io.sluice.bench.micro;

import io.sluice.bench.common.nexmark.Bid;
import java.util.Objects;

/**
 * The fields of a NEXMark {@link Bid} as a mutable POJO (public fields, no-argument constructor),
 * so the serializer benchmark can compare the POJO path of both engines with their record path.
 */
public final class BidPojo {
  public long auction;
  public long bidder;
  public long price;
  public String channel;
  public String url;
  public long dateTime;
  public String extra;

  /** For the serializers, which create an empty instance and then set the fields. */
  public BidPojo() {}

  /** A POJO with the fields of {@code bid}. */
  public static BidPojo of(Bid bid) {
    BidPojo pojo = new BidPojo();
    pojo.auction = bid.auction();
    pojo.bidder = bid.bidder();
    pojo.price = bid.price();
    pojo.channel = bid.channel();
    pojo.url = bid.url();
    pojo.dateTime = bid.dateTime();
    pojo.extra = bid.extra();
    return pojo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BidPojo other
        && auction == other.auction
        && bidder == other.bidder
        && price == other.price
        && dateTime == other.dateTime
        && Objects.equals(channel, other.channel)
        && Objects.equals(url, other.url)
        && Objects.equals(extra, other.extra);
  }

  @Override
  public int hashCode() {
    return Objects.hash(auction, bidder, price, channel, url, dateTime, extra);
  }

  @Override
  public String toString() {
    return "BidPojo[auction=" + auction + ", bidder=" + bidder + ", price=" + price + "]";
  }
}
