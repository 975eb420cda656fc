package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.StateTtlConfig.StateVisibility;
import io.sluice.api.state.StateTtlConfig.UpdateType;
import io.sluice.api.state.TtlTimeProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The API's TTL configuration, as the heap backend relies on it. */
class StateTtlConfigTest {

  @Test
  void theBuilderDefaultsToOnCreateAndWriteNeverReturnExpiredAndTheWallClock() {
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMinutes(5)).build();

    assertThat(config.isEnabled()).isTrue();
    assertThat(config.getTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.getUpdateType()).isEqualTo(UpdateType.OnCreateAndWrite);
    assertThat(config.getStateVisibility()).isEqualTo(StateVisibility.NeverReturnExpired);
    assertThat(config.getTimeProvider()).isSameAs(TtlTimeProvider.DEFAULT);
  }

  @Test
  void descriptorsStartWithTtlDisabled() {
    ListStateDescriptor<String> descriptor = new ListStateDescriptor<>("events", String.class);

    assertThat(descriptor.getTtlConfig()).isSameAs(StateTtlConfig.DISABLED);
    assertThat(StateTtlConfig.DISABLED.isEnabled()).isFalse();
  }

  @Test
  void enableTimeToLiveSetsTheConfigAndShowsInTheDescription() {
    ListStateDescriptor<String> descriptor = new ListStateDescriptor<>("events", String.class);
    StateTtlConfig config =
        StateTtlConfig.newBuilder(Duration.ofSeconds(3)).updateTtlOnReadAndWrite().build();

    descriptor.enableTimeToLive(config);

    assertThat(descriptor.getTtlConfig()).isSameAs(config);
    assertThat(descriptor.toString()).contains("ttl=PT3S", "OnReadAndWrite");
  }

  @Test
  void aTtlBelowOneMillisecondIsRejected() {
    for (Duration tooShort :
        new Duration[] {Duration.ZERO, Duration.ofMillis(-5), Duration.ofNanos(999_999)}) {
      assertThatThrownBy(() -> StateTtlConfig.newBuilder(tooShort))
          .as(tooShort.toString())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least 1 ms");
    }
  }

  @Test
  void configsBuiltAlikeAreEqual() {
    TtlTimeProvider clock = () -> 42L;
    StateTtlConfig a =
        StateTtlConfig.newBuilder(Duration.ofSeconds(1)).setTimeProvider(clock).build();
    StateTtlConfig b =
        StateTtlConfig.newBuilder(Duration.ofMillis(1000)).setTimeProvider(clock).build();
    StateTtlConfig otherClock = StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(otherClock);
  }
}
