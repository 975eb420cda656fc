package io.sluice.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;

class ManualProcessingTimeServiceTest {
  private final ManualProcessingTimeService clock = new ManualProcessingTimeService(0);
  private final List<String> fired = new ArrayList<>();

  private Runnable record(String name) {
    return () -> fired.add(name + "@" + clock.currentTimeMillis());
  }

  @Test
  void deliversDueActionsInTimeOrderWithTheClockAtEachActionsTime() {
    clock.scheduleAt(30, record("c"), Runnable::run);
    clock.scheduleAt(10, record("a"), Runnable::run);
    clock.scheduleAt(20, record("b"), Runnable::run);
    clock.scheduleAt(40, record("late"), Runnable::run);

    clock.advanceTo(35);

    assertThat(fired).containsExactly("a@10", "b@20", "c@30");
    assertThat(clock.currentTimeMillis()).isEqualTo(35);
    assertThat(clock.numberOfScheduledActions()).isEqualTo(1);
  }

  @Test
  void actionsDueAtTheSameTimeRunInSchedulingOrder() {
    clock.scheduleAt(5, record("first"), Runnable::run);
    clock.scheduleAt(5, record("second"), Runnable::run);
    clock.scheduleAt(5, record("third"), Runnable::run);

    clock.advanceTo(5);

    assertThat(fired).containsExactly("first@5", "second@5", "third@5");
  }

  @Test
  void anActionScheduledByAnotherRunsBeforeLaterOnesWhenItIsDueEarlier() {
    clock.scheduleAt(
        10,
        () -> {
          fired.add("a@" + clock.currentTimeMillis());
          clock.scheduleAt(15, record("inserted"), Runnable::run);
        },
        Runnable::run);
    clock.scheduleAt(20, record("b"), Runnable::run);

    clock.advanceTo(100);

    assertThat(fired).containsExactly("a@10", "inserted@15", "b@20");
  }

  @Test
  void anActionScheduledForAPastTimeWaitsForTheNextAdvance() {
    clock.advanceTo(50);
    clock.scheduleAt(40, record("past"), Runnable::run);
    assertThat(fired).isEmpty();

    clock.advanceTo(50);

    assertThat(fired).containsExactly("past@50");
  }

  @Test
  void deliveryGoesThroughTheGivenConsumer() {
    List<Runnable> mailbox = new ArrayList<>();
    clock.scheduleAt(10, record("mail"), mailbox::add);

    clock.advanceTo(10);
    assertThat(fired).isEmpty();
    assertThat(mailbox).hasSize(1);

    mailbox.get(0).run();
    assertThat(fired).containsExactly("mail@10");
  }

  @Test
  void cancelledActionsAreNotDelivered() {
    ScheduledFuture<?> future = clock.scheduleAt(10, record("x"), Runnable::run);

    assertThat(future.cancel(false)).isTrue();
    clock.advanceTo(20);

    assertThat(fired).isEmpty();
    assertThat(future.isCancelled()).isTrue();
    assertThat(future.isDone()).isTrue();
  }

  @Test
  void periodicActionsRepeatUntilCancelled() {
    clock.advanceTo(100);
    ScheduledFuture<?> future = clock.scheduleAtFixedRate(10, record("tick"), Runnable::run);

    clock.advanceTo(135);
    assertThat(fired).containsExactly("tick@110", "tick@120", "tick@130");

    future.cancel(false);
    clock.advanceTo(200);
    assertThat(fired).hasSize(3);
  }

  @Test
  void aDeliveredActionsFutureIsDone() throws Exception {
    ScheduledFuture<?> future = clock.scheduleAt(10, record("x"), Runnable::run);
    assertThatThrownBy(future::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("advance processing time");

    clock.advanceTo(10);

    assertThat(future.isDone()).isTrue();
    assertThat(future.get()).isNull();
    assertThat(future.cancel(false)).isFalse();
  }

  @Test
  void timeCannotGoBack() {
    clock.advanceTo(10);
    assertThatThrownBy(() -> clock.advanceTo(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is 10, asked for 9");
  }

  @Test
  void closingDropsEverythingScheduled() {
    clock.scheduleAt(10, record("x"), Runnable::run);
    clock.close();
    clock.advanceTo(20);
    assertThat(fired).isEmpty();
    assertThatThrownBy(() -> clock.scheduleAt(30, record("y"), Runnable::run))
        .isInstanceOf(IllegalStateException.class);
  }
}
