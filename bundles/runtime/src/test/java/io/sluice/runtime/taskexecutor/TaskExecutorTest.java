package io.sluice.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskExecutorTest {

  @Test
  void jobsTakeFreeSlotsAndGiveThemBack() {
    TaskExecutor executor = new TaskExecutor("te", 4);
    assertThat(executor.allocate("a", 3)).containsExactly(0, 1, 2);
    assertThat(executor.freeSlots()).isEqualTo(1);
    executor.release("a");
    assertThat(executor.freeSlots()).isEqualTo(4);
    executor.release("a"); // twice is harmless
    assertThat(executor.freeSlots()).isEqualTo(4);
  }

  @Test
  void aSecondJobGetsTheSlotsTheFirstLeftFree() {
    TaskExecutor executor = new TaskExecutor("te", 4);
    executor.allocate("a", 2);
    assertThat(executor.allocate("b", 2)).containsExactly(2, 3);
    executor.release("a");
    assertThat(executor.allocate("c", 1)).containsExactly(0);
  }

  @Test
  void askingForMoreThanIsFreeFailsSayingWhatIsNeededAndWhatToChange() {
    TaskExecutor executor = new TaskExecutor("embedded", 2);
    executor.allocate("a", 1);
    assertThatThrownBy(() -> executor.allocate("b", 2))
        .isInstanceOf(TaskExecutor.NotEnoughSlotsException.class)
        .hasMessageContaining("Job b needs 2 task slots")
        .hasMessageContaining("has 1 free of 2")
        .hasMessageContaining("taskmanager.numberOfTaskSlots");
    assertThat(executor.freeSlots()).isEqualTo(1); // nothing taken by the failed request
  }
}
