package io.sluice.api;

import io.sluice.api.graph.Transformation;
import java.util.List;

/**
 * What {@link StreamEnvironment#execute} hands to the runtime: the job's name, its settings, and
 * the transformations that end in sinks.
 */
public record Pipeline(String jobName, ExecutionConfig config, List<Transformation<?>> sinks) {
  public Pipeline {
    sinks = List.copyOf(sinks);
  }
}
