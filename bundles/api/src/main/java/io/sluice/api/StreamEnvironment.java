package io.sluice.api;

import io.sluice.api.connector.file.FileSource;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.graph.SourceTransformation;
import io.sluice.api.graph.Transformation;
import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeExtractor;
import io.sluice.api.typeutils.TypeHint;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where a job builds its dataflow and runs it. The platform hands one to {@link Job#run}; tests
 * create one over an embedded executor.
 *
 * <pre>{@code
 * env.readTextFile("in.txt")
 *     .flatMap(new Tokenizer())
 *     .keyBy(t -> t.f0)
 *     .sum(1)
 *     .print();
 * env.execute("word count");
 * }</pre>
 *
 * <p>Not thread-safe: a job builds its dataflow from one thread.
 */
public final class StreamEnvironment {
  private final PipelineExecutor executor;
  private ExecutionConfig config;
  private final List<Transformation<?>> sinks = new ArrayList<>();
  private int nextId;

  public StreamEnvironment(PipelineExecutor executor, ExecutionConfig config) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.config = Objects.requireNonNull(config, "config");
  }

  public ExecutionConfig getConfig() {
    return config;
  }

  /**
   * Takes a checkpoint every {@code interval} with the given guarantee; with a two-phase sink (the
   * file sink) output is then exactly-once across failures.
   */
  public StreamEnvironment enableCheckpointing(
      java.time.Duration interval, io.sluice.api.checkpoint.CheckpointingMode mode) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("checkpoint interval must be positive: " + interval);
    }
    config =
        config.withCheckpointConfig(
            config.checkpointConfig().withInterval(interval).withMode(mode));
    return this;
  }

  public io.sluice.api.checkpoint.CheckpointConfig getCheckpointConfig() {
    return config.checkpointConfig();
  }

  public StreamEnvironment setCheckpointConfig(io.sluice.api.checkpoint.CheckpointConfig value) {
    config = config.withCheckpointConfig(value);
    return this;
  }

  /** What the job does when a task fails (see {@link io.sluice.api.checkpoint.RestartStrategy}). */
  public StreamEnvironment setRestartStrategy(io.sluice.api.checkpoint.RestartStrategy value) {
    config = config.withRestartStrategy(value);
    return this;
  }

  /** The default parallelism of operators that do not set their own. */
  public StreamEnvironment setParallelism(int parallelism) {
    config = config.withParallelism(parallelism);
    return this;
  }

  /** The number of key groups: the highest parallelism keyed state can later be rescaled to. */
  public StreamEnvironment setMaxParallelism(int maxParallelism) {
    config = config.withMaxParallelism(maxParallelism);
    return this;
  }

  /** How long a partly filled network buffer may wait; 0 flushes after every record. */
  public StreamEnvironment setBufferTimeout(long millis) {
    config = config.withBufferTimeoutMillis(millis);
    return this;
  }

  /**
   * How often sources emit periodic watermarks and check for idleness (default 200 ms); {@link
   * java.time.Duration#ZERO} turns periodic watermarks off, leaving only those emitted per event.
   */
  public StreamEnvironment setAutoWatermarkInterval(java.time.Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException(
          "auto-watermark interval must not be negative: " + interval);
    }
    config = config.withAutoWatermarkIntervalMillis(interval.toMillis());
    return this;
  }

  /** A stream of the given elements, in order, from one subtask; the type is the first's class. */
  @SafeVarargs
  public final <T> DataStream<T> fromElements(T... elements) {
    if (elements.length == 0) {
      throw new IllegalArgumentException(
          "fromElements needs at least one element (or use fromCollection with a type)");
    }
    return fromCollection(Arrays.asList(elements), elements[0].getClass());
  }

  /** A stream of the collection's elements, in order, from one subtask. */
  public <T> DataStream<T> fromCollection(Collection<T> elements, Type type) {
    DataStream<T> stream =
        fromSource(
            new CollectionSource<>(new ArrayList<>(elements)),
            WatermarkStrategy.noWatermarks(),
            "Collection Source",
            type);
    stream.setParallelism(1);
    return stream;
  }

  public <T> DataStream<T> fromCollection(Collection<T> elements, TypeHint<T> type) {
    return fromCollection(elements, type.getType());
  }

  /** The lines of a UTF-8 text file (or of every file in a directory), read in parallel. */
  public DataStream<String> readTextFile(String path) {
    return fromSource(
        FileSource.forTextLines(Path.of(path)),
        WatermarkStrategy.noWatermarks(),
        "File Source: " + path);
  }

  /** A stream read from {@code source}; the element type comes from the source's class. */
  public <T> DataStream<T> fromSource(
      Source<T, ?, ?> source, WatermarkStrategy<T> watermarks, String name) {
    Type type;
    try {
      type = TypeExtractor.typeArgument(source, Source.class, 0);
    } catch (InvalidTypesException e) {
      throw new InvalidTypesException(
          "Cannot determine the element type of source '"
              + name
              + "': "
              + e.getMessage()
              + " Pass the type: fromSource(source, watermarks, name, type).",
          e);
    }
    return fromSource(source, watermarks, name, type);
  }

  public <T> DataStream<T> fromSource(
      Source<T, ?, ?> source, WatermarkStrategy<T> watermarks, String name, Type type) {
    return new DataStream<>(
        this, new SourceTransformation<>(newId(), name, type, source, watermarks));
  }

  /** Registers the end of a dataflow; called by {@code DataStream.sinkTo}. */
  public void addSink(Transformation<?> sink) {
    sinks.add(sink);
  }

  /** A fresh transformation id; called by the stream classes. */
  public int newId() {
    return nextId++;
  }

  /**
   * Runs every dataflow built so far and blocks until it ends.
   *
   * @return the result of a FINISHED (or CANCELED) job
   * @throws JobExecutionException if the job FAILED
   */
  public JobResult execute(String jobName) throws JobExecutionException {
    if (sinks.isEmpty()) {
      throw new IllegalStateException(
          "No sinks defined in job '"
              + jobName
              + "': end every dataflow with sinkTo(...) or print() before execute()");
    }
    Pipeline pipeline = new Pipeline(jobName, config, sinks);
    sinks.clear();
    return executor.execute(pipeline);
  }
}
