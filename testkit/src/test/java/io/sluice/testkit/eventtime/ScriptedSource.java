package io.sluice.testkit.eventtime;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source whose subtasks each follow a script: emit events, or wait until the test opens a gate.
 * Lets a test hold one partition quiet (idle) while others go on, deterministically. Gates live in
 * a static map keyed by a test id, since the test and the job share the JVM.
 */
final class ScriptedSource implements Source<ScriptedSource.Event, ScriptedSource.NoSplit, Void> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, CompletableFuture<Void>> GATES = new ConcurrentHashMap<>();

  /** The element type: a key and an event time. */
  record Event(String key, long time) {}

  /** One step of a subtask's script. */
  sealed interface Step extends Serializable permits Emit, Await {}

  record Emit(Event event) implements Step {}

  record Await(String gate) implements Step {}

  /** No splits: each reader knows its script by subtask index. */
  record NoSplit() implements SourceSplit {
    @Override
    public String splitId() {
      return "none";
    }
  }

  private final String testId;
  private final HashMap<Integer, List<Step>> scripts;

  /**
   * @param scripts the steps of each subtask by index; a subtask without a script ends at once
   */
  ScriptedSource(String testId, Map<Integer, List<Step>> scripts) {
    this.testId = testId;
    this.scripts = new HashMap<>();
    scripts.forEach((subtask, steps) -> this.scripts.put(subtask, new ArrayList<>(steps)));
  }

  static Step emit(String key, long time) {
    return new Emit(new Event(key, time));
  }

  static Step await(String gate) {
    return new Await(gate);
  }

  /** Lets every subtask waiting on {@code gate} of test {@code testId} go on. */
  static void open(String testId, String gate) {
    gate(testId, gate).complete(null);
  }

  /** Opens every gate of a test, so a failed test does not leave its job waiting. */
  static void openAll(String testId) {
    GATES.forEach(
        (name, future) -> {
          if (name.startsWith(testId + "/")) {
            future.complete(null);
          }
        });
    GATES.keySet().removeIf(name -> name.startsWith(testId + "/"));
  }

  private static CompletableFuture<Void> gate(String testId, String gate) {
    return GATES.computeIfAbsent(testId + "/" + gate, name -> new CompletableFuture<>());
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<NoSplit, Void> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
    return new SplitEnumerator<>() {
      @Override
      public void start() {}

      @Override
      public void handleSplitRequest(int subtaskId) {
        context.signalNoMoreSplits(subtaskId);
      }

      @Override
      public void addSplitsBack(List<NoSplit> splits, int subtaskId) {}

      @Override
      public void addReader(int subtaskId) {}

      @Override
      public Void snapshotState(long checkpointId) {
        return null;
      }
    };
  }

  @Override
  public SourceReader<Event, NoSplit> createReader(SourceReaderContext context) {
    List<Step> script = scripts.getOrDefault(context.getIndexOfSubtask(), List.of());
    return new SourceReader<>() {
      private int position;

      @Override
      public void start() {}

      @Override
      public InputStatus pollNext(ReaderOutput<Event> output) {
        if (position == script.size()) {
          return InputStatus.END_OF_INPUT;
        }
        Step step = script.get(position);
        if (step instanceof Emit emit) {
          output.collect(emit.event());
        } else if (!gate(testId, ((Await) step).gate()).isDone()) {
          return InputStatus.NOTHING_AVAILABLE;
        }
        position++;
        return InputStatus.MORE_AVAILABLE;
      }

      @Override
      public CompletableFuture<Void> isAvailable() {
        if (position < script.size() && script.get(position) instanceof Await await) {
          return gate(testId, await.gate());
        }
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public void addSplits(List<NoSplit> splits) {}

      @Override
      public void notifyNoMoreSplits() {}

      @Override
      public List<NoSplit> snapshotState(long checkpointId) {
        return List.of();
      }
    };
  }
}
