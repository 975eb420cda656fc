package io.sluice.runtime.network;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A handler that writes every element it receives as a line of text, for order assertions. */
final class ElementLog<T> implements ElementHandler<T> {

  final List<String> lines = new ArrayList<>();
  final List<T> records = new ArrayList<>();
  private final Function<T, String> format;

  ElementLog(Function<T, String> format) {
    this.format = format;
  }

  static <T> ElementLog<T> of() {
    return new ElementLog<>(String::valueOf);
  }

  @Override
  public void onRecord(T value, long timestamp) {
    records.add(value);
    lines.add(
        timestamp == RecordWriter.NO_TIMESTAMP
            ? "record " + format.apply(value)
            : "record " + format.apply(value) + " @" + timestamp);
  }

  @Override
  public void onWatermark(int channel, long watermark) {
    lines.add("watermark " + watermark + " from " + channel);
  }

  @Override
  public void onWatermarkStatus(int channel, boolean idle) {
    lines.add("status " + (idle ? "idle" : "active") + " from " + channel);
  }

  @Override
  public void onEvent(int channel, byte[] payload) {
    lines.add("event " + new String(payload, StandardCharsets.UTF_8) + " from " + channel);
  }
}
