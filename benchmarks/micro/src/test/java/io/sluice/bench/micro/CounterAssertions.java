package io.sluice.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongSupplier;

/** What every state benchmark body must do, whatever the engine and backend. */
final class CounterAssertions {
  private CounterAssertions() {}

  /**
   * After set-up every key holds 1, so one round over the 100,000 keys counts each up to 2 (no key
   * visited twice, none skipped), and the next round starts at 3.
   */
  static void countsEveryKeyUpOncePerRound(LongSupplier incrementNext) {
    long notTwo = 0;
    for (int i = 0; i < StateKeys.COUNT; i++) {
      if (incrementNext.getAsLong() != 2) {
        notTwo++;
      }
    }

    assertThat(notTwo).as("operations of the first round that did not return 2").isZero();
    assertThat(incrementNext.getAsLong()).isEqualTo(3);
  }
}
