package io.sluice.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubpartitionHandOffBenchmarkTest {
  @Test
  void theConsumerThreadReceivesEveryBufferInOrderAndTheProducerNeverRunsDry() throws Exception {
    SubpartitionHandOffBenchmark benchmark = new SubpartitionHandOffBenchmark();
    benchmark.setUp();

    // 1,000 buffers through a pool of 10: the producer only gets through if the consumer recycles.
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (int i = 0; i < 1_000; i++) {
            benchmark.sluiceEmitToConsumerThread();
          }
        });
    benchmark.tearDown();

    assertThat(benchmark.consumer().received()).isEqualTo(1_000);
    assertThat(benchmark.consumer().outOfOrder()).isZero();
  }

  @Test
  void eachIterationStartsAFreshPairAtSequenceZero() throws Exception {
    SubpartitionHandOffBenchmark benchmark = new SubpartitionHandOffBenchmark();
    for (int iteration = 0; iteration < 2; iteration++) {
      benchmark.setUp();
      for (int i = 0; i < 20; i++) {
        benchmark.sluiceEmitToConsumerThread();
      }
      benchmark.tearDown();

      assertThat(benchmark.consumer().received()).isEqualTo(20);
      assertThat(benchmark.consumer().outOfOrder()).isZero();
    }
  }
}
