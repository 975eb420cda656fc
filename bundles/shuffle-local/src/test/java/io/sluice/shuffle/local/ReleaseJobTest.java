package io.sluice.shuffle.local;

import static io.sluice.shuffle.local.Shuffles.emitLong;
import static io.sluice.shuffle.local.Shuffles.gate;
import static io.sluice.shuffle.local.Shuffles.partition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleException;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseJobTest {

  private static final ShuffleSettings SMALL = new ShuffleSettings(64, 2, 0);

  private final LocalShuffleService shuffle = new LocalShuffleService();

  @Test
  void releaseJobReleasesEveryPartitionAndGateOfThatJobOnly() throws InterruptedException {
    LocalResultPartition a0 = (LocalResultPartition) partition(shuffle, "a", 0, 1, SMALL);
    LocalResultPartition a1 = (LocalResultPartition) partition(shuffle, "a", 1, 1, SMALL);
    ResultPartitionWriter b0 = partition(shuffle, "b", 0, 1, SMALL);
    InputGate gateA = gate(shuffle, "a", 0, List.of(a0.id(), a1.id()));
    InputGate gateB = gate(shuffle, "b", 0, List.of(b0.id()));
    emitLong(a0, 0, 1);
    emitLong(b0, 0, 2);
    assertThat(shuffle.resourcesHeld("a")).isEqualTo(3);

    shuffle.releaseJob("a");

    assertThat(shuffle.resourcesHeld("a")).isZero();
    assertThat(a0.isReleased()).isTrue();
    assertThat(a1.isReleased()).isTrue();
    assertThat(((LocalInputGate) gateA).isClosed()).isTrue();
    assertThatThrownBy(a0::requestBuffer).isInstanceOf(ShuffleException.class);
    assertThatThrownBy(() -> gate(shuffle, "a", 0, List.of(a0.id())))
        .isInstanceOf(ShuffleException.class)
        .hasMessageContaining("unknown result partition");

    assertThat(shuffle.resourcesHeld("b")).isEqualTo(2);
    assertThat(Shuffles.readLong(gateB.pollNext())).isEqualTo(2);
  }

  @Test
  void aReleasedJobCanBeDeployedAgainWithTheSamePartitionIds() throws InterruptedException {
    ResultPartitionWriter first = partition(shuffle, "a", 0, 1, SMALL);
    gate(shuffle, "a", 0, List.of(first.id()));
    shuffle.releaseJob("a");

    ResultPartitionWriter second = partition(shuffle, "a", 0, 1, SMALL);
    InputGate gate = gate(shuffle, "a", 0, List.of(second.id()));
    emitLong(second, 0, 9);

    assertThat(Shuffles.readLong(gate.pollNext())).isEqualTo(9);
    shuffle.releaseJob("a");
    assertThat(shuffle.resourcesHeld("a")).isZero();
  }

  @Test
  void closedGatesAndReleasedPartitionsDeregisterThemselves() {
    ResultPartitionWriter writer = partition(shuffle, "a", 0, 1, SMALL);
    InputGate gate = gate(shuffle, "a", 0, List.of(writer.id()));

    gate.close();
    writer.release();

    assertThat(shuffle.resourcesHeld("a")).isZero();
  }

  @Test
  void deactivationReleasesEveryJob() {
    LocalResultPartition writer = (LocalResultPartition) partition(shuffle, "a", 0, 1, SMALL);
    gate(shuffle, "b", 0, List.of(partition(shuffle, "b", 0, 1, SMALL).id()));

    shuffle.deactivate();

    assertThat(writer.isReleased()).isTrue();
    assertThat(shuffle.resourcesHeld("a") + shuffle.resourcesHeld("b")).isZero();
  }
}
