package io.sluice.testkit.failover;

import io.sluice.api.checkpoint.CheckpointListener;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.operators.AbstractStreamOperator;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.operators.OperatorFactory;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.typeutils.JavaObjectSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A two-phase collecting operator for exactly-once tests: records are buffered, handed to a pending
 * transaction at each checkpoint (kept in operator state), and only committed — appended to the
 * shared list {@link #committed(String)} — when that checkpoint completes, or at the end of a job
 * without checkpoints. Restoring re-commits the transactions of the restored checkpoint (which is
 * complete) unless they were committed already, so the committed list holds each record exactly
 * once across failures.
 *
 * <pre>{@code
 * ExactlyOnceCollector.collect(stream, "test-1");
 * env.execute("test");
 * assertThat(ExactlyOnceCollector.committed("test-1")).containsExactlyInAnyOrder(...);
 * }</pre>
 */
public final class ExactlyOnceCollector<T> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<T, Void> {
  private static final Map<String, List<Object>> COMMITTED = new ConcurrentHashMap<>();
  private static final Map<String, java.util.Set<String>> COMMITTED_TRANSACTIONS =
      new ConcurrentHashMap<>();

  private final String name;
  private final List<T> buffer = new ArrayList<>();
  private final TreeMap<Long, Transaction<T>> pending = new TreeMap<>();
  private final JavaObjectSerializer<Transaction<T>> serializer =
      new JavaObjectSerializer<>(ExactlyOnceCollector.class.getClassLoader());
  private ListState<byte[]> state;

  /** One checkpoint's records of one subtask; committed once by its id. */
  public record Transaction<T>(String id, long checkpointId, List<T> records)
      implements java.io.Serializable {}

  private ExactlyOnceCollector(String name) {
    this.name = name;
  }

  /** Ends {@code stream} in collectors named {@code name} (uid {@code "collect-" + name}). */
  public static <T> void collect(DataStream<T> stream, String name) {
    stream
        .transform("collect", Void.class, ExactlyOnceCollector.<T>factory(name))
        .uid("collect")
        .sinkTo(new io.sluice.testkit.CollectSink<>());
  }

  public static <T> OperatorFactory<Void> factory(String name) {
    COMMITTED.putIfAbsent(name, Collections.synchronizedList(new ArrayList<>()));
    COMMITTED_TRANSACTIONS.putIfAbsent(name, ConcurrentHashMap.newKeySet());
    return () -> new ExactlyOnceCollector<T>(name);
  }

  /** What the collectors named {@code name} committed so far. */
  @SuppressWarnings("unchecked")
  public static <T> List<T> committed(String name) {
    List<Object> list = COMMITTED.getOrDefault(name, List.of());
    synchronized (list) {
      return new ArrayList<>((List<T>) (List<?>) list);
    }
  }

  @Override
  public void initializeState() throws Exception {
    state =
        context
            .getOperatorStateStore()
            .getListState(new ListStateDescriptor<>("pending-transactions", byte[].class));
    for (byte[] bytes : state.get()) {
      commit(serializer.deserialize(serializer.getVersion(), bytes)); // the checkpoint is complete
    }
    state.clear();
  }

  @Override
  public void processElement(T value, long timestamp) {
    buffer.add(value);
  }

  @Override
  public void snapshotState(long checkpointId) throws java.io.IOException {
    pending.put(checkpointId, transaction(checkpointId, buffer));
    buffer.clear();
    List<byte[]> transactions = new ArrayList<>();
    for (Transaction<T> transaction : pending.values()) {
      transactions.add(serializer.serialize(transaction));
    }
    state.update(transactions);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws java.io.IOException {
    if (checkpointId == CheckpointListener.END_OF_INPUT_CHECKPOINT_ID) {
      snapshotState(checkpointId);
    }
    var done = pending.headMap(checkpointId, true);
    done.values().forEach(this::commit);
    done.clear();
  }

  @Override
  public void finish() {
    if (!context.isCheckpointingEnabled()) {
      commit(transaction(0, buffer));
      buffer.clear();
    }
  }

  private Transaction<T> transaction(long checkpointId, List<T> records) {
    String id =
        name
            + "/"
            + context.getRuntimeContext().getIndexOfThisSubtask()
            + "/"
            + checkpointId
            + "/"
            + java.util.UUID.randomUUID();
    return new Transaction<>(id, checkpointId, List.copyOf(records));
  }

  private void commit(Transaction<T> transaction) {
    if (COMMITTED_TRANSACTIONS.get(name).add(transaction.id())) {
      COMMITTED.get(name).addAll(transaction.records());
    }
  }
}
