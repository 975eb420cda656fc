package io.sluice.api.eventtime;

/** Where a watermark generator emits; watermarks that do not advance are dropped. */
public interface WatermarkOutput {
  void emitWatermark(long watermark);
}
