package io.sluice.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BufferPoolBenchmarkTest {
  /** Ten times the pool: without recycling, Sluice would block and Flink would hand out null. */
  private static final int OPERATIONS = 100;

  private final BufferPoolBenchmark benchmark = new BufferPoolBenchmark();

  @BeforeEach
  void setUp() throws Exception {
    benchmark.setUp();
  }

  @AfterEach
  void tearDown() {
    benchmark.tearDown();
  }

  @Test
  void sluiceHandsOut32KiBBuffersAndGetsEachBack() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (int i = 0; i < OPERATIONS; i++) {
            assertThat(benchmark.sluiceRequestRecycle()).isEqualTo(32 * 1024);
          }
        });
  }

  @Test
  void flinkHandsOut32KiBBuffersAndGetsEachBack() {
    for (int i = 0; i < OPERATIONS; i++) {
      assertThat(benchmark.flinkRequestRecycle()).isEqualTo(32 * 1024);
    }
  }
}
