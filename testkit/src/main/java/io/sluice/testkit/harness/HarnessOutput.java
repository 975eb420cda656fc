package io.sluice.testkit.harness;

import io.sluice.api.functions.OutputTag;
import io.sluice.api.operators.Output;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Output} an operator under test writes to: keeps the main output (elements and
 * watermarks, in order) and each side output. Used only from the harness thread.
 */
final class HarnessOutput<OUT> implements Output<OUT> {
  private final List<OutputElement> main = new ArrayList<>();
  private final Map<String, List<StreamRecord<?>>> sideOutputs = new HashMap<>();

  @Override
  public void collect(OUT value, long timestamp) {
    main.add(new StreamRecord<>(value, timestamp));
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    sideOutputs
        .computeIfAbsent(tag.getId(), id -> new ArrayList<>())
        .add(new StreamRecord<>(value, timestamp));
  }

  @Override
  public void emitWatermark(long watermark) {
    main.add(new Watermark(watermark));
  }

  List<OutputElement> main() {
    return List.copyOf(main);
  }

  @SuppressWarnings("unchecked")
  <X> List<StreamRecord<X>> side(OutputTag<X> tag) {
    List<StreamRecord<?>> records = sideOutputs.getOrDefault(tag.getId(), List.of());
    List<StreamRecord<X>> copy = new ArrayList<>(records.size());
    for (StreamRecord<?> record : records) {
      copy.add((StreamRecord<X>) record);
    }
    return List.copyOf(copy);
  }

  void clear() {
    main.clear();
    sideOutputs.clear();
  }
}
