package io.sluice.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkValveTest {

  /** Records what the valve emits as lines. */
  private static final class Recorder implements WatermarkValve.Output {
    final List<String> lines = new ArrayList<>();

    @Override
    public void emitWatermark(long watermark) {
      lines.add("watermark " + watermark);
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
      lines.add(idle ? "idle" : "active");
    }
  }

  private final Recorder out = new Recorder();

  @Test
  void activeChannelsCombineToTheirMinimumEmittedOnlyWhenItAdvances() {
    WatermarkValve valve = new WatermarkValve(3, out);
    valve.inputWatermark(0, 10);
    valve.inputWatermark(1, 5);
    valve.inputWatermark(2, 7);
    valve.inputWatermark(1, 8); // min becomes 7
    valve.inputWatermark(2, 9); // min becomes 8
    valve.inputWatermark(1, 8); // no change

    assertThat(out.lines).containsExactly("watermark 5", "watermark 7", "watermark 8");
    assertThat(valve.currentWatermark()).isEqualTo(8);
  }

  @Test
  void anIdleChannelNoLongerHoldsBackTheMinimum() {
    WatermarkValve valve = new WatermarkValve(2, out);
    valve.inputWatermark(0, 100);
    valve.inputWatermark(1, 20);
    valve.inputWatermarkStatus(1, true);
    valve.inputWatermark(0, 150);

    assertThat(out.lines).containsExactly("watermark 20", "watermark 100", "watermark 150");
    assertThat(valve.isIdle()).isFalse();
  }

  @Test
  void whenAllChannelsGoIdleTheValveFlushesToTheHighestWatermarkThenGoesIdle() {
    WatermarkValve valve = new WatermarkValve(2, out);
    valve.inputWatermark(0, 100);
    valve.inputWatermark(1, 50);
    valve.inputWatermarkStatus(0, true); // channel 1 still holds the minimum: no change
    valve.inputWatermarkStatus(1, true); // everything up to 100 has been seen

    assertThat(out.lines).containsExactly("watermark 50", "watermark 100", "idle");
    assertThat(valve.isIdle()).isTrue();
  }

  @Test
  void theLastChannelGoingIdleWhileHoldingTheMinimumReleasesTheHighestWatermark() {
    WatermarkValve valve = new WatermarkValve(2, out);
    valve.inputWatermark(0, 100);
    valve.inputWatermark(1, 50);
    valve.inputWatermarkStatus(1, true); // min moves to channel 0's 100
    valve.inputWatermark(0, 120);
    valve.inputWatermarkStatus(0, true);

    assertThat(out.lines).containsExactly("watermark 50", "watermark 100", "watermark 120", "idle");
  }

  @Test
  void aReactivatedChannelBehindTheCombinedWatermarkDoesNotMoveItBackwards() {
    WatermarkValve valve = new WatermarkValve(2, out);
    valve.inputWatermark(0, 10);
    valve.inputWatermark(1, 10);
    valve.inputWatermarkStatus(1, true);
    valve.inputWatermark(0, 100);
    valve.inputWatermarkStatus(1, false); // channel 1 is still at 10
    valve.inputWatermark(1, 40); // behind 100: not aligned yet
    valve.inputWatermark(0, 110); // channel 0 alone decides
    valve.inputWatermark(1, 105); // still behind 110
    valve.inputWatermark(1, 130); // caught up: rejoins the minimum
    valve.inputWatermark(0, 140); // min(140, 130) = 130

    assertThat(out.lines)
        .containsExactly("watermark 10", "watermark 100", "watermark 110", "watermark 130");
  }

  @Test
  void statusChangesAreEmittedOnceAndWatermarksOfIdleChannelsAreIgnored() {
    WatermarkValve valve = new WatermarkValve(1, out);
    valve.inputWatermark(0, 1);
    valve.inputWatermarkStatus(0, true);
    valve.inputWatermarkStatus(0, true);
    valve.inputWatermark(0, 50); // from an idle channel: ignored
    valve.inputWatermarkStatus(0, false);
    valve.inputWatermarkStatus(0, false);
    valve.inputWatermark(0, 60);

    assertThat(out.lines).containsExactly("watermark 1", "idle", "active", "watermark 60");
  }
}
