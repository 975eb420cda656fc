package io.sluice.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SerializerBenchmarkTest {
  private final SerializerBenchmark benchmark = new SerializerBenchmark();

  @BeforeEach
  void setUp() {
    benchmark.setUp();
  }

  @Test
  void theSampleIsARealBidWithEveryFieldSet() {
    assertThat(benchmark.bid.auction()).isPositive();
    assertThat(benchmark.bid.bidder()).isPositive();
    assertThat(benchmark.bid.channel()).isNotEmpty();
    assertThat(benchmark.bid.url()).isNotEmpty();
    assertThat(benchmark.bid.extra()).isNotNull();
  }

  @Test
  void bothEnginesReadBackAnEqualButNewRecord() {
    assertThat(benchmark.sluiceBidRecord()).isEqualTo(benchmark.bid).isNotSameAs(benchmark.bid);
    assertThat(benchmark.flinkBidRecord()).isEqualTo(benchmark.bid).isNotSameAs(benchmark.bid);
  }

  @Test
  void bothEnginesReadBackAnEqualButNewPojo() {
    BidPojo expected = BidPojo.of(benchmark.bid);

    assertThat(benchmark.sluiceBidPojo()).isEqualTo(expected).isNotSameAs(benchmark.bidPojo);
    assertThat(benchmark.flinkBidPojo()).isEqualTo(expected).isNotSameAs(benchmark.bidPojo);
  }

  @Test
  void bothEnginesReadBackTheLong() {
    assertThat(benchmark.sluiceLong()).isEqualTo(1_704_067_212_345L);
    assertThat(benchmark.flinkLong()).isEqualTo(1_704_067_212_345L);
  }

  @Test
  void flinkUsesItsPojoSerializerForTheRecordNotKryo() {
    assertThat(benchmark.flinkBidRoundTrip().serializer()).isInstanceOf(PojoSerializer.class);
  }

  @Test
  void repeatedRoundTripsReuseTheBuffersAndStayCorrect() {
    for (int i = 0; i < 1_000; i++) {
      benchmark.sluiceBidRecord();
      benchmark.flinkBidRecord();
    }

    assertThat(benchmark.sluiceBidRecord()).isEqualTo(benchmark.bid);
    assertThat(benchmark.flinkBidRecord()).isEqualTo(benchmark.bid);
  }
}
