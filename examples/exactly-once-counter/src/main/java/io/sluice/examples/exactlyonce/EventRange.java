package io.sluice.examples.exactlyonce;

import io.sluice.api.connector.source.SourceSplit;
import java.io.Serializable;

/**
 * The events {@code [next, end)} of the generated input: a split of {@link CounterEventSource}.
 * {@code next} is the position a reader continues at, so a checkpointed range skips what was
 * emitted before the checkpoint.
 */
public record EventRange(long next, long end) implements SourceSplit, Serializable {
  public EventRange {
    if (next < 0 || next > end) {
      throw new IllegalArgumentException("bad event range [" + next + ", " + end + ")");
    }
  }

  @Override
  public String splitId() {
    return "events-before-" + end; // stable while next advances; ranges never share an end
  }
}
