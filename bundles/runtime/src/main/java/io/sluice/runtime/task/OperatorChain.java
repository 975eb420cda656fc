package io.sluice.runtime.task;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.graph.OneInputTransformation;
import io.sluice.api.graph.SinkTransformation;
import io.sluice.api.graph.Transformation;
import io.sluice.api.operators.FunctionCopier;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.operators.Output;
import io.sluice.api.operators.SinkWriterOperator;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.runtime.graph.StreamEdge;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.network.BroadcastSelector;
import io.sluice.runtime.network.ChannelSelector;
import io.sluice.runtime.network.ForwardSelector;
import io.sluice.runtime.network.KeyGroupSelector;
import io.sluice.runtime.network.RebalanceSelector;
import io.sluice.runtime.network.RecordWriter;
import io.sluice.runtime.network.ShuffleSelector;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators of one subtask wired together: chained operators call each other directly, network
 * edges serialize through record writers. Built and used on the task thread.
 */
final class OperatorChain {
  private final TaskDeployment deployment;
  private final Mailbox mailbox;
  private final Map<Integer, OperatorHandle<?, ?>> handles = new HashMap<>();
  private final List<OperatorHandle<?, ?>> handlesInOrder = new ArrayList<>();
  private final List<RecordWriter<?>> writers = new ArrayList<>();
  private Output<Object> headOutput;

  OperatorChain(TaskDeployment deployment, Mailbox mailbox) {
    this.deployment = deployment;
    this.mailbox = mailbox;
    List<StreamNode> nodes = deployment.vertex().chainedNodes();
    // Build from the tail so every operator's targets exist before it.
    for (int i = nodes.size() - 1; i >= 0; i--) {
      StreamNode node = nodes.get(i);
      Output<Object> output = outputOf(node);
      if (node.transformation() instanceof io.sluice.api.graph.SourceTransformation<?>) {
        headOutput = output;
      } else {
        OperatorHandle<Object, Object> handle = createHandle(node);
        handle.setup(output);
        handles.put(node.id(), handle);
        handlesInOrder.add(0, handle);
      }
    }
  }

  /** Where a source head emits; null when the head is an operator. */
  Output<Object> sourceOutput() {
    return headOutput;
  }

  /** The first operator, which network input feeds; null for a source chain. */
  @SuppressWarnings("unchecked")
  OperatorHandle<Object, Object> headOperator() {
    return (OperatorHandle<Object, Object>) handles.get(deployment.vertex().head().id());
  }

  List<OperatorHandle<?, ?>> operators() {
    return handlesInOrder;
  }

  List<RecordWriter<?>> writers() {
    return writers;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Output<Object> outputOf(StreamNode node) {
    List<Output<Object>> outputs = new ArrayList<>();
    for (StreamEdge edge : node.outputs()) {
      OperatorHandle<?, ?> chained = handles.get(edge.target());
      if (chained != null) { // only members of this chain have handles
        outputs.add(new Outputs.Chaining(chained));
      } else {
        RecordWriter<Object> writer = createWriter(node, edge);
        writers.add(writer);
        outputs.add(new Outputs.Network<>(writer));
      }
    }
    return Outputs.of(outputs);
  }

  @SuppressWarnings("unchecked")
  private RecordWriter<Object> createWriter(StreamNode node, StreamEdge edge) {
    TypeSerializer<Object> serializer =
        ((TypeSerializer<Object>) node.transformation().getOutputSerializer()).duplicate();
    boolean flushEveryRecord = deployment.services().bufferTimeoutMillis() == 0;
    return new RecordWriter<>(
        deployment.partitions().get(edge.id()), selector(edge), serializer, flushEveryRecord);
  }

  @SuppressWarnings("unchecked")
  private ChannelSelector<Object> selector(StreamEdge edge) {
    int subtask = deployment.info().subtaskIndex();
    return switch (edge.partitioning()) {
      case FORWARD -> new ForwardSelector<>(subtask);
      case REBALANCE -> new RebalanceSelector<>(subtask);
      case SHUFFLE -> new ShuffleSelector<>(subtask);
      case BROADCAST -> new BroadcastSelector<>();
      case HASH -> {
        KeySelector<Object, Object> key =
            FunctionCopier.copy((KeySelector<Object, Object>) edge.keySelector(), "keyBy");
        yield new KeyGroupSelector<>(key::getKey, deployment.info().maxParallelism());
      }
      case DEFAULT -> throw new IllegalStateException("unresolved partitioning on edge " + edge);
    };
  }

  @SuppressWarnings("unchecked")
  private OperatorHandle<Object, Object> createHandle(StreamNode node) {
    Transformation<?> t = node.transformation();
    OneInputStreamOperator<Object, Object> operator;
    KeySelector<Object, Object> keySelector = null;
    KeyedStateBackend<Object> backend = null;
    if (t instanceof OneInputTransformation<?, ?> oneInput) {
      operator = (OneInputStreamOperator<Object, Object>) oneInput.getOperatorFactory().create();
      if (oneInput.getStateKeySelector() != null) {
        keySelector =
            FunctionCopier.copy(
                (KeySelector<Object, Object>) oneInput.getStateKeySelector(), node.name());
        backend = createBackend(node, oneInput);
      }
    } else if (t instanceof SinkTransformation<?> sink) {
      operator =
          (OneInputStreamOperator<Object, Object>)
              (OneInputStreamOperator<?, ?>) new SinkWriterOperator<>(sink.getSink());
    } else {
      throw new IllegalStateException("not an operator: " + t);
    }
    return new OperatorHandle<>(
        node.name(),
        deployment.info(),
        operator,
        keySelector,
        backend,
        deployment.services().clock(),
        mailbox);
  }

  @SuppressWarnings("unchecked")
  private KeyedStateBackend<Object> createBackend(
      StreamNode node, OneInputTransformation<?, ?> oneInput) {
    TaskInfo info = deployment.info();
    TypeSerializer<Object> keySerializer =
        (TypeSerializer<Object>) TypeSerializers.forType(oneInput.getStateKeyType());
    return deployment
        .services()
        .stateBackend()
        .createKeyedStateBackend(
            new KeyedStateBackendParameters<>(
                info.jobId(),
                node.operatorId(),
                info.subtaskIndex(),
                keySerializer,
                KeyGroups.rangeForOperator(
                    info.maxParallelism(), info.parallelism(), info.subtaskIndex()),
                info.maxParallelism()));
  }
}
