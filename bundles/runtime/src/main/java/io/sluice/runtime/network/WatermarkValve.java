package io.sluice.runtime.network;

import java.util.Arrays;

/**
 * Combines the watermarks and idleness of several channels (or of several inputs) into one
 * watermark and one status, with Flink's semantics.
 *
 * <pre>{@code
 * WatermarkValve valve = new WatermarkValve(gate.numberOfChannels(), output);
 * valve.inputWatermark(channel, watermark);        // from the reader's handler
 * valve.inputWatermarkStatus(channel, idle);
 * }</pre>
 *
 * <ul>
 *   <li>The combined watermark is the minimum over the <em>aligned</em> channels: active channels
 *       whose watermark has not fallen behind the combined one. It is emitted only when it
 *       advances.
 *   <li>An idle channel leaves the minimum, so one quiet producer does not stall event time; its
 *       watermarks are ignored until it is active again. When the last channel goes idle, the
 *       combined watermark first moves to the highest watermark any channel reached (everything up
 *       to it has been seen), then the valve emits IDLE.
 *   <li>A channel that becomes active again rejoins the minimum only once its watermark reaches the
 *       combined watermark, so re-activation never moves time backwards; the valve emits ACTIVE as
 *       soon as any channel is active.
 * </ul>
 *
 * <p>Threading: confined to the task thread.
 */
public final class WatermarkValve {

  /** Where the combined watermark and status go. */
  public interface Output {
    void emitWatermark(long watermark);

    void emitWatermarkStatus(boolean idle);
  }

  private final Output output;
  private final long[] watermarks;
  private final boolean[] idle;
  private final boolean[] aligned;
  private long lastWatermark = Long.MIN_VALUE;
  private boolean outputIdle;

  public WatermarkValve(int channels, Output output) {
    if (channels < 1) {
      throw new IllegalArgumentException("a valve needs at least one channel: " + channels);
    }
    this.output = output;
    this.watermarks = new long[channels];
    this.idle = new boolean[channels];
    this.aligned = new boolean[channels];
    Arrays.fill(watermarks, Long.MIN_VALUE);
    Arrays.fill(aligned, true);
  }

  /** A watermark arrived on {@code channel}. */
  public void inputWatermark(int channel, long watermark) {
    if (idle[channel] || watermark <= watermarks[channel]) {
      return;
    }
    watermarks[channel] = watermark;
    if (!aligned[channel] && watermark >= lastWatermark) {
      aligned[channel] = true;
    }
    emitMinimumOfAligned();
  }

  /** {@code channel} went idle ({@code true}) or became active again. */
  public void inputWatermarkStatus(int channel, boolean nowIdle) {
    if (nowIdle == idle[channel]) {
      return;
    }
    idle[channel] = nowIdle;
    if (nowIdle) {
      aligned[channel] = false;
      boolean heldBack = watermarks[channel] == lastWatermark;
      if (allIdle()) {
        if (heldBack) {
          emitIfAdvanced(maximumOfAll());
        }
        outputIdle = true;
        output.emitWatermarkStatus(true);
      } else if (heldBack) {
        emitMinimumOfAligned();
      }
    } else {
      if (watermarks[channel] >= lastWatermark) {
        aligned[channel] = true;
      }
      if (outputIdle) {
        outputIdle = false;
        output.emitWatermarkStatus(false);
      }
    }
  }

  /** The last combined watermark emitted, or Long.MIN_VALUE. */
  public long currentWatermark() {
    return lastWatermark;
  }

  /** Whether every channel is idle. */
  public boolean isIdle() {
    return outputIdle;
  }

  private boolean allIdle() {
    for (boolean channelIdle : idle) {
      if (!channelIdle) {
        return false;
      }
    }
    return true;
  }

  private long maximumOfAll() {
    long max = Long.MIN_VALUE;
    for (long w : watermarks) {
      max = Math.max(max, w);
    }
    return max;
  }

  private void emitMinimumOfAligned() {
    long min = Long.MAX_VALUE;
    boolean any = false;
    for (int c = 0; c < watermarks.length; c++) {
      if (aligned[c]) {
        any = true;
        min = Math.min(min, watermarks[c]);
      }
    }
    if (any) {
      emitIfAdvanced(min);
    }
  }

  private void emitIfAdvanced(long watermark) {
    if (watermark > lastWatermark) {
      lastWatermark = watermark;
      output.emitWatermark(watermark);
    }
  }
}
