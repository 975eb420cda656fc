package io.sluice.bench.micro;

import io.sluice.bench.common.nexmark.Bid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One serialize + deserialize per operation, through a reused output buffer: a NEXMark bid as a
 * Java record, the same fields as a POJO, and a boxed long, each with the serializer Sluice derives
 * and the one Flink 2.3 picks for the same class.
 */
@State(Scope.Thread)
public class SerializerBenchmark {
  Bid bid;
  BidPojo bidPojo;

  /** A timestamp-sized long; a field, not a constant, so the JIT cannot fold it. */
  Long longValue = 1_704_067_212_345L;

  private SluiceRoundTrip<Bid> sluiceBid;
  private FlinkRoundTrip<Bid> flinkBid;
  private SluiceRoundTrip<BidPojo> sluicePojo;
  private FlinkRoundTrip<BidPojo> flinkPojo;
  private SluiceRoundTrip<Long> sluiceLong;
  private FlinkRoundTrip<Long> flinkLong;

  @Setup
  public void setUp() {
    bid = SampleBid.first();
    bidPojo = BidPojo.of(bid);
    sluiceBid = new SluiceRoundTrip<>(Bid.class);
    flinkBid = new FlinkRoundTrip<>(Bid.class);
    sluicePojo = new SluiceRoundTrip<>(BidPojo.class);
    flinkPojo = new FlinkRoundTrip<>(BidPojo.class);
    sluiceLong = new SluiceRoundTrip<>(Long.class);
    flinkLong = new FlinkRoundTrip<>(Long.class);
  }

  @Benchmark
  public Bid sluiceBidRecord() {
    return sluiceBid.roundTrip(bid);
  }

  @Benchmark
  public Bid flinkBidRecord() {
    return flinkBid.roundTrip(bid);
  }

  @Benchmark
  public BidPojo sluiceBidPojo() {
    return sluicePojo.roundTrip(bidPojo);
  }

  @Benchmark
  public BidPojo flinkBidPojo() {
    return flinkPojo.roundTrip(bidPojo);
  }

  @Benchmark
  public Long sluiceLong() {
    return sluiceLong.roundTrip(longValue);
  }

  @Benchmark
  public Long flinkLong() {
    return flinkLong.roundTrip(longValue);
  }

  /** For the tests: Flink's serializer of the record. */
  FlinkRoundTrip<Bid> flinkBidRoundTrip() {
    return flinkBid;
  }
}
