package io.sluice.runtime.graph;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.Pipeline;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.graph.OneInputTransformation;
import io.sluice.api.graph.PartitionTransformation;
import io.sluice.api.graph.Partitioning;
import io.sluice.api.graph.SideOutputTransformation;
import io.sluice.api.graph.SinkTransformation;
import io.sluice.api.graph.SourceTransformation;
import io.sluice.api.graph.Transformation;
import io.sluice.api.graph.TwoInputTransformation;
import io.sluice.api.graph.UnionTransformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the API's transformations into a {@link StreamGraph}: virtual partition and union nodes
 * become edge properties, DEFAULT partitioning becomes FORWARD or REBALANCE, and parallelism is
 * resolved against the job default.
 */
public final class StreamGraphBuilder {
  private final ExecutionConfig config;
  private final Map<Integer, StreamNode> nodes = new TreeMap<>();
  private int nextEdgeId;

  private StreamGraphBuilder(ExecutionConfig config) {
    this.config = config;
  }

  public static StreamGraph build(Pipeline pipeline) {
    StreamGraphBuilder builder = new StreamGraphBuilder(pipeline.config());
    for (Transformation<?> sink : pipeline.sinks()) {
      builder.physical(sink);
    }
    return new StreamGraph(pipeline.jobName(), pipeline.config().maxParallelism(), builder.nodes);
  }

  /** Adds the node of a physical transformation (and, first, of everything upstream). */
  private StreamNode physical(Transformation<?> t) {
    StreamNode existing = nodes.get(t.getId());
    if (existing != null) {
      return existing;
    }
    int parallelism = t.getParallelism() > 0 ? t.getParallelism() : config.parallelism();
    if (parallelism > config.maxParallelism()) {
      throw new JobValidationException(
          "Operator '"
              + t.getName()
              + "' has parallelism "
              + parallelism
              + " above the max parallelism "
              + config.maxParallelism());
    }
    List<Input> inputs = new ArrayList<>();
    List<Transformation<?>> logicalInputs = t.getInputs();
    for (int index = 0; index < logicalInputs.size(); index++) {
      resolve(logicalInputs.get(index), Partitioning.DEFAULT, null, null, index, inputs);
    }
    StreamNode node = new StreamNode(t, parallelism);
    if (!(t instanceof SourceTransformation<?>
        || t instanceof OneInputTransformation<?, ?>
        || t instanceof TwoInputTransformation<?, ?, ?>
        || t instanceof SinkTransformation<?>)) {
      throw new JobValidationException("Unsupported transformation " + t);
    }
    nodes.put(t.getId(), node);
    for (Input input : inputs) {
      connect(input, node);
    }
    return node;
  }

  private record Input(
      StreamNode node,
      Partitioning partitioning,
      KeySelector<?, ?> key,
      OutputTag<?> sideOutput,
      int inputIndex) {}

  /** Walks through virtual nodes down to physical ones, collecting the edge properties. */
  private void resolve(
      Transformation<?> t,
      Partitioning partitioning,
      KeySelector<?, ?> key,
      OutputTag<?> sideOutput,
      int inputIndex,
      List<Input> into) {
    if (t instanceof PartitionTransformation<?> p) {
      // The partitioning nearest the consumer wins: rebalance().keyBy(...) partitions by key.
      if (partitioning == Partitioning.DEFAULT) {
        resolve(
            p.getInput(), p.getPartitioning(), p.getKeySelector(), sideOutput, inputIndex, into);
      } else {
        resolve(p.getInput(), partitioning, key, sideOutput, inputIndex, into);
      }
    } else if (t instanceof UnionTransformation<?> u) {
      for (Transformation<?> input : u.getUnionInputs()) {
        resolve(input, partitioning, key, sideOutput, inputIndex, into);
      }
    } else if (t instanceof SideOutputTransformation<?> side) {
      resolve(side.getInput(), partitioning, key, side.getTag(), inputIndex, into);
    } else {
      into.add(new Input(physical(t), partitioning, key, sideOutput, inputIndex));
    }
  }

  private void connect(Input input, StreamNode target) {
    StreamNode source = input.node();
    Partitioning partitioning = input.partitioning();
    if (partitioning == Partitioning.DEFAULT) {
      partitioning =
          source.parallelism() == target.parallelism()
              ? Partitioning.FORWARD
              : Partitioning.REBALANCE;
    } else if (partitioning == Partitioning.FORWARD
        && source.parallelism() != target.parallelism()) {
      throw new JobValidationException(
          "forward() from '"
              + source.name()
              + "' (parallelism "
              + source.parallelism()
              + ") to '"
              + target.name()
              + "' (parallelism "
              + target.parallelism()
              + ") needs equal parallelism; use rebalance() or set equal parallelism");
    }
    StreamEdge edge =
        new StreamEdge(
            nextEdgeId++,
            source.id(),
            target.id(),
            partitioning,
            input.key(),
            input.sideOutput(),
            input.inputIndex());
    source.outputs.add(edge);
    target.inputs.add(edge);
  }
}
