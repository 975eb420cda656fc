package io.sluice.runtime.task;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.graph.OneInputTransformation;
import io.sluice.api.graph.SinkTransformation;
import io.sluice.api.graph.Transformation;
import io.sluice.api.graph.TwoInputTransformation;
import io.sluice.api.operators.FunctionCopier;
import io.sluice.api.operators.Output;
import io.sluice.api.operators.SinkWriterOperator;
import io.sluice.api.operators.StreamOperator;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.runtime.checkpoint.OperatorRestore;
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
    List<Output<Object>> main = new ArrayList<>();
    Map<String, List<Output<Object>>> sides = new HashMap<>();
    for (StreamEdge edge : node.outputs()) {
      Output<Object> output;
      OperatorHandle<?, ?> chained = handles.get(edge.target());
      if (chained != null) { // only members of this chain have handles
        output = ChainedOutputFactory.create((OperatorHandle<Object, ?>) chained);
      } else {
        RecordWriter<Object> writer = createWriter(edge);
        writers.add(writer);
        output = new Outputs.Network<>(writer);
      }
      if (edge.sideOutput() == null) {
        main.add(output);
      } else {
        sides.computeIfAbsent(edge.sideOutput().getId(), id -> new ArrayList<>()).add(output);
      }
    }
    Output<Object> mainOutput = Outputs.of(main);
    if (sides.isEmpty()) {
      return mainOutput;
    }
    Map<String, Output<Object>> sideOutputs = new HashMap<>();
    sides.forEach((id, outputs) -> sideOutputs.put(id, Outputs.of(outputs)));
    return new Outputs.Routing<>(mainOutput, sideOutputs);
  }

  /** The serializer of the elements on {@code edge}: a side output's type or the source's type. */
  @SuppressWarnings("unchecked")
  static TypeSerializer<Object> serializerOf(
      io.sluice.runtime.graph.StreamGraph graph, StreamEdge edge) {
    if (edge.sideOutput() != null) {
      return (TypeSerializer<Object>) TypeSerializers.forType(edge.sideOutput().getType());
    }
    return ((TypeSerializer<Object>)
            graph.node(edge.source()).transformation().getOutputSerializer())
        .duplicate();
  }

  private RecordWriter<Object> createWriter(StreamEdge edge) {
    TypeSerializer<Object> serializer = serializerOf(deployment.graph(), edge);
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
    StreamOperator<Object> operator;
    KeySelector<Object, Object> keySelector = null;
    KeySelector<Object, Object> keySelector2 = null;
    KeyedStateBackend<Object> backend = null;
    java.lang.reflect.Type keyType = null;
    OperatorRestore restore = deployment.restoreOf(node.operatorId());
    if (t instanceof OneInputTransformation<?, ?> oneInput) {
      operator = (StreamOperator<Object>) oneInput.getOperatorFactory().create();
      if (oneInput.getStateKeySelector() != null) {
        keySelector = copyKeySelector(oneInput.getStateKeySelector(), node);
        keyType = oneInput.getStateKeyType();
      }
    } else if (t instanceof TwoInputTransformation<?, ?, ?> twoInput) {
      operator = (StreamOperator<Object>) twoInput.getOperatorFactory().create();
      if (twoInput.getStateKeyType() != null) {
        keySelector = copyKeySelector(twoInput.getStateKeySelector1(), node);
        keySelector2 = copyKeySelector(twoInput.getStateKeySelector2(), node);
        keyType = twoInput.getStateKeyType();
      }
    } else if (t instanceof SinkTransformation<?> sink) {
      operator =
          (StreamOperator<Object>) (StreamOperator<?>) new SinkWriterOperator<>(sink.getSink());
    } else {
      throw new IllegalStateException("not an operator: " + t);
    }
    TypeSerializer<Object> keySerializer =
        keyType == null ? null : (TypeSerializer<Object>) TypeSerializers.forType(keyType);
    if (keySerializer != null) {
      backend = createBackend(node, keySerializer, restore);
    }
    OperatorHandle<Object, Object> handle =
        new OperatorHandle<>(
            node.name(),
            deployment.info(),
            operator,
            keySelector,
            backend,
            deployment.services().clock(),
            mailbox);
    handle.setSecondKeySelector(keySelector2);
    handle.setCheckpointing(
        node.operatorId(),
        restore,
        keySerializer,
        deployment.services().checkpointing().periodic());
    return handle;
  }

  @SuppressWarnings("unchecked")
  private static KeySelector<Object, Object> copyKeySelector(
      KeySelector<?, ?> selector, StreamNode node) {
    return selector == null
        ? null
        : FunctionCopier.copy((KeySelector<Object, Object>) selector, node.name());
  }

  @SuppressWarnings("unchecked")
  private KeyedStateBackend<Object> createBackend(
      StreamNode node, TypeSerializer<Object> keySerializer, OperatorRestore restore) {
    TaskInfo info = deployment.info();
    KeyedStateBackend<Object> backend =
        deployment
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
    if (restore != null && !restore.keyed().isEmpty()) {
      try {
        backend.restore(restore.keyed(), restore.opener());
      } catch (java.io.IOException | RuntimeException e) {
        backend.close();
        throw new OperatorException(
            info.describe(node.name()) + ": keyed state does not restore: " + e.getMessage(), e);
      }
    }
    return backend;
  }
}
