package io.sluice.api.checkpoint;

import io.sluice.api.state.OperatorStateStore;

/**
 * Implemented by functions that keep non-keyed state (buffers, offsets) in operator state: {@link
 * #initializeState} registers (and on restore, reads) the state before the first record; {@link
 * #snapshotState} writes the current values into it when a checkpoint barrier passes.
 *
 * <pre>{@code
 * class BufferingSink implements SinkFunction<String>, CheckpointedFunction {
 *   private transient ListState<String> saved;
 *   private final List<String> buffer = new ArrayList<>();
 *
 *   public void initializeState(OperatorStateStore store, boolean restored) {
 *     saved = store.getListState(new ListStateDescriptor<>("buffer", String.class));
 *     if (restored) saved.get().forEach(buffer::add);
 *   }
 *
 *   public void snapshotState(long checkpointId) {
 *     saved.update(buffer);
 *   }
 * }
 * }</pre>
 */
public interface CheckpointedFunction {

  /** Registers operator state; {@code restored} tells whether it holds values of an earlier run. */
  void initializeState(OperatorStateStore store, boolean restored) throws Exception;

  /** Copies the function's current values into its operator state for checkpoint {@code id}. */
  void snapshotState(long checkpointId) throws Exception;
}
