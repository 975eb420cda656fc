package io.sluice.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.Pipeline;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.sink.PrintSink;
import io.sluice.api.graph.Partitioning;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JobGraphCompilerTest {

  /** Builds graphs without running them: execute() hands the pipeline to this capture. */
  private final AtomicReference<Pipeline> captured = new AtomicReference<>();

  private StreamEnvironment env(int parallelism) {
    return new StreamEnvironment(
        pipeline -> {
          captured.set(pipeline);
          return new JobResult("test", pipeline.jobName(), null, null, null);
        },
        ExecutionConfig.defaults().withParallelism(parallelism));
  }

  private JobGraph compile(StreamEnvironment env) throws Exception {
    env.execute("test");
    return JobGraphCompiler.compile(StreamGraphBuilder.build(captured.get()));
  }

  private static List<String> names(JobGraph graph) {
    return graph.vertices().stream().map(JobVertex::name).toList();
  }

  @Test
  void forwardEdgesAtEqualParallelismChainIntoOneTask() throws Exception {
    StreamEnvironment env = env(2);
    env.fromCollection(List.of("a"), String.class)
        .setParallelism(2)
        .map(String::length)
        .filter(n -> n > 0)
        .sinkTo(new PrintSink<>())
        .name("Sink");
    JobGraph graph = compile(env);
    assertThat(names(graph)).containsExactly("Collection Source -> Map -> Filter -> Sink");
    assertThat(graph.vertices().get(0).outputs()).isEmpty();
  }

  @Test
  void parallelismChangeBreaksTheChainWithRebalance() throws Exception {
    StreamEnvironment env = env(4);
    env.fromElements("a", "b").map(String::length).sinkTo(new PrintSink<>()).name("Sink");
    JobGraph graph = compile(env);
    assertThat(names(graph)).containsExactly("Collection Source", "Map -> Sink");
    StreamEdge edge = graph.vertices().get(0).outputs().get(0);
    assertThat(edge.partitioning()).isEqualTo(Partitioning.REBALANCE);
    assertThat(graph.vertices().get(1).parallelism()).isEqualTo(4);
  }

  @Test
  void keyByIsANetworkEdgeWithHashPartitioning() throws Exception {
    StreamEnvironment env = env(1);
    env.fromElements("a", "b").keyBy(s -> s).reduce((x, y) -> x + y).sinkTo(new PrintSink<>());
    JobGraph graph = compile(env);
    assertThat(graph.vertices()).hasSize(2);
    StreamEdge edge = graph.vertices().get(0).outputs().get(0);
    assertThat(edge.partitioning()).isEqualTo(Partitioning.HASH);
    assertThat(edge.keySelector()).isNotNull();
    assertThat(graph.vertices().get(1).name()).startsWith("Keyed Reduce");
  }

  @Test
  void unionTargetHasTwoInputsAndIsNotChained() throws Exception {
    StreamEnvironment env = env(1);
    var a = env.fromElements("a");
    var b = env.fromElements("b");
    a.union(b).map(String::length).sinkTo(new PrintSink<>());
    JobGraph graph = compile(env);
    JobVertex map =
        graph.vertexOf(
            graph.streamGraph().allNodes().stream()
                .filter(n -> n.name().equals("Map"))
                .findFirst()
                .orElseThrow()
                .id());
    assertThat(map.inputs()).hasSize(2);
    assertThat(map.chainedNodes()).extracting(StreamNode::name).containsExactly("Map", "Sink");
  }

  @Test
  void aStreamConsumedTwiceFansOutInsideTheChain() throws Exception {
    StreamEnvironment env = env(1);
    var words = env.fromElements("a").map(s -> s + "!");
    words.sinkTo(new PrintSink<>()).name("First");
    words.sinkTo(new PrintSink<>()).name("Second");
    JobGraph graph = compile(env);
    assertThat(graph.vertices()).hasSize(1);
    assertThat(graph.vertices().get(0).chainedNodes())
        .extracting(StreamNode::name)
        .containsExactly("Collection Source", "Map", "First", "Second");
  }

  @Test
  void forwardWithDifferentParallelismIsRejectedWithBothOperatorsNamed() throws Exception {
    StreamEnvironment env = env(1);
    env.fromElements("a").forward().map(String::length).setParallelism(3).sinkTo(new PrintSink<>());
    env.execute("bad");
    assertThatThrownBy(() -> StreamGraphBuilder.build(captured.get()))
        .isInstanceOf(JobValidationException.class)
        .hasMessageContaining("forward()")
        .hasMessageContaining("'Collection Source' (parallelism 1)")
        .hasMessageContaining("'Map' (parallelism 3)");
  }

  @Test
  void parallelismAboveMaxParallelismIsRejected() throws Exception {
    StreamEnvironment env = env(1).setMaxParallelism(4);
    env.fromElements("a").map(String::length).setParallelism(8).sinkTo(new PrintSink<>());
    env.execute("bad");
    assertThatThrownBy(() -> StreamGraphBuilder.build(captured.get()))
        .isInstanceOf(JobValidationException.class)
        .hasMessageContaining("'Map' has parallelism 8 above the max parallelism 4");
  }

  @Test
  void executeWithoutSinksIsAClearError() {
    StreamEnvironment env = env(1);
    env.fromElements("a").map(String::length);
    assertThatThrownBy(() -> env.execute("no sinks"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No sinks defined");
  }

  @Test
  void theLastPartitioningCalledWins() throws Exception {
    StreamEnvironment env = env(2);
    env.fromElements("a", "b")
        .rebalance()
        .keyBy(s -> s)
        .reduce((x, y) -> x)
        .sinkTo(new PrintSink<>());
    JobGraph graph = compile(env);
    assertThat(graph.vertices().get(0).outputs().get(0).partitioning())
        .isEqualTo(Partitioning.HASH);
  }
}
