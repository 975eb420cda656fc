package io.sluice.testkit.windowing;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted event-time input: events and watermarks in the exact order a test wants them, from one
 * source subtask, so what is late and what is not does not depend on timing.
 */
final class Scripted {
  private Scripted() {}

  /** An element: a key, a value and an event timestamp. */
  record Ev(String key, long value, long ts) {}

  /** One step of the script: an element, or a watermark (then key is null). */
  record Step(String key, long value, long ts, boolean watermark) {}

  static Step ev(String key, long value, long ts) {
    return new Step(key, value, ts, false);
  }

  static Step wm(long watermark) {
    return new Step(null, 0, watermark, true);
  }

  /** The elements of {@code steps}, with the watermarks of {@code steps} between them. */
  static DataStream<Ev> stream(StreamEnvironment env, List<Step> steps) {
    WatermarkStrategy<Step> generator = ScriptedWatermarks::new;
    WatermarkStrategy<Step> strategy = generator.withTimestampAssigner((step, ts) -> step.ts());
    DataStream<Step> source =
        env.fromSource(
                new CollectionSource<>(new ArrayList<>(steps)), strategy, "script", Step.class)
            .setParallelism(1);
    return source
        .filter(step -> !step.watermark())
        .setParallelism(1)
        .map(step -> new Ev(step.key(), step.value(), step.ts()))
        .returns(Ev.class)
        .setParallelism(1);
  }

  /** Emits a watermark right after each watermark step, and nothing periodically. */
  static final class ScriptedWatermarks implements WatermarkGenerator<Step> {
    @Override
    public void onEvent(Step step, long timestamp, WatermarkOutput output) {
      if (step.watermark()) {
        output.emitWatermark(step.ts());
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }
}
