package io.sluice.state.heap;

/**
 * The one object that a value-like state (value, reducing, aggregating) holds for the current key.
 * The plain cell is the {@link StateTable} itself, so states without time-to-live store the bare
 * object; {@link TtlValueCell} stores it with a timestamp. The state classes are written once
 * against this interface and work either way. Confined to the task thread.
 *
 * @param <S> the type of the stored object
 */
interface ValueCell<S> {

  /** The current key's object for a read by the user: null if absent or expired. */
  S get();

  /**
   * The current key's object for a read-modify-write that {@link #put}s (or {@link #remove}s) right
   * after: null if absent or expired. Unlike {@link #get} it never restarts a time-to-live, since
   * the write that follows does.
   */
  default S getForUpdate() {
    return get();
  }

  /** Sets the current key's object, never null. */
  void put(S value);

  /** Drops the current key's object. */
  void remove();

  /** The registered state, for error messages. */
  StateMetaInfo metaInfo();
}
