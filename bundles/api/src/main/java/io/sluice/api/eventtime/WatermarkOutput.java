package io.sluice.api.eventtime;

/**
 * Where a watermark generator emits; watermarks that do not advance are dropped. Used from the
 * source's task thread only.
 */
public interface WatermarkOutput {
  void emitWatermark(long watermark);

  /**
   * Declares this source subtask idle: it expects no events for a while, so downstream operators
   * stop waiting for its watermarks and go on with the other inputs. The next record or advancing
   * watermark marks it active again.
   */
  void markIdle();

  /** Declares this source subtask active again (also implied by its next record or watermark). */
  void markActive();
}
