package io.sluice.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.state.KeyGroups;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelSelectorTest {

  @Test
  void forwardAlwaysPicksItsOwnChannel() {
    ForwardSelector<String> selector = new ForwardSelector<>(2);
    selector.setup(3);

    assertThat(selector.selectChannel("a")).isEqualTo(2);
    assertThat(selector.selectChannel("b")).isEqualTo(2);
    assertThat(selector.isBroadcast()).isFalse();
  }

  @Test
  void forwardRejectsUnequalParallelism() {
    assertThatThrownBy(() -> new ForwardSelector<>(3).setup(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equal parallelism");
  }

  @Test
  void rebalanceCyclesThroughAllChannelsFromItsOffset() {
    RebalanceSelector<String> selector = new RebalanceSelector<>(5);
    selector.setup(3);

    List<Integer> picks = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      picks.add(selector.selectChannel("x"));
    }

    assertThat(picks).containsExactly(2, 0, 1, 2, 0, 1, 2);
  }

  @Test
  void shuffleIsReproducibleInRangeAndSpread() {
    ShuffleSelector<String> first = new ShuffleSelector<>(42);
    ShuffleSelector<String> second = new ShuffleSelector<>(42);
    first.setup(7);
    second.setup(7);
    int[] counts = new int[7];

    for (int i = 0; i < 70_000; i++) {
      int channel = first.selectChannel("x");
      assertThat(second.selectChannel("x")).isEqualTo(channel);
      counts[channel]++;
    }

    for (int count : counts) {
      assertThat(count).isBetween(9_000, 11_000); // 10,000 expected, sigma about 90
    }
  }

  @Test
  void shuffleSeedsGiveDifferentSequences() {
    ShuffleSelector<String> a = new ShuffleSelector<>(1);
    ShuffleSelector<String> b = new ShuffleSelector<>(2);
    a.setup(1000);
    b.setup(1000);
    List<Integer> fromA = new ArrayList<>();
    List<Integer> fromB = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      fromA.add(a.selectChannel("x"));
      fromB.add(b.selectChannel("x"));
    }

    assertThat(fromA).isNotEqualTo(fromB);
  }

  @Test
  void broadcastHasNoSingleChannel() {
    BroadcastSelector<String> selector = new BroadcastSelector<>();
    selector.setup(4);

    assertThat(selector.isBroadcast()).isTrue();
    assertThatThrownBy(() -> selector.selectChannel("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keyGroupSelectorMatchesTheKeyGroupArithmetic() {
    int maxParallelism = 128;
    int channels = 5;
    KeyGroupSelector<Integer, Integer> selector = new KeyGroupSelector<>(v -> v % 1000, 128);
    selector.setup(channels);

    for (int value = 0; value < 5_000; value++) {
      int key = value % 1000;
      int keyGroup = KeyGroups.assignToKeyGroup(key, maxParallelism);
      int channel = selector.selectChannel(value);
      assertThat(channel)
          .isEqualTo(KeyGroups.operatorIndexForKeyGroup(maxParallelism, channels, keyGroup));
      assertThat(KeyGroups.rangeForOperator(maxParallelism, channels, channel).contains(keyGroup))
          .isTrue();
      assertThat(selector.selectChannel(key + 1000)).isEqualTo(channel);
    }
  }

  @Test
  void keyGroupSelectorReportsExtractorFailuresAndNullKeys() {
    KeyGroupSelector<String, String> failing =
        new KeyGroupSelector<>(
            s -> {
              throw new IOException("no key in " + s);
            },
            16);
    failing.setup(2);
    KeyGroupSelector<String, String> nulls = new KeyGroupSelector<>(s -> null, 16);
    nulls.setup(2);

    assertThatThrownBy(() -> failing.selectChannel("rec"))
        .isInstanceOf(KeyExtractionException.class)
        .hasMessageContaining("no key in rec");
    assertThatThrownBy(() -> nulls.selectChannel("rec"))
        .isInstanceOf(KeyExtractionException.class)
        .hasMessageContaining("returned null");
  }

  @Test
  void keyGroupSelectorWithOneConsumerRoutesWithoutExtractingTheKey() {
    List<String> asked = new ArrayList<>();
    KeyGroupSelector<String, String> selector =
        new KeyGroupSelector<>(
            s -> {
              asked.add(s);
              return null; // would be rejected if it were asked
            },
            16);
    selector.setup(1);

    assertThat(selector.selectChannel("a")).isZero();
    assertThat(selector.selectChannel("b")).isZero();
    assertThat(asked).isEmpty();
  }

  @Test
  void keyGroupSelectorRejectsMoreChannelsThanKeyGroups() {
    assertThatThrownBy(() -> new KeyGroupSelector<String, String>(s -> s, 4).setup(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max parallelism 4");
  }
}
