package io.sluice.spi.state;

import io.sluice.api.state.StateDescriptor;
import java.util.Objects;

/**
 * What a snapshot records about one keyed state: enough to lay out and validate its bytes, and to
 * refuse a restore into a state registered as something else. Types are not recorded: the
 * serializers of the descriptor the state is registered with again read the bytes.
 *
 * @param name the state's name, as in its descriptor
 * @param kind the state's kind
 * @param ttl whether every stored value is preceded by its 8-byte time-to-live timestamp
 */
public record SnapshotStateInfo(String name, StateDescriptor.Kind kind, boolean ttl) {

  public SnapshotStateInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** The info of a state registered with {@code descriptor}. */
  public static SnapshotStateInfo of(StateDescriptor<?, ?> descriptor) {
    return new SnapshotStateInfo(
        descriptor.getName(), descriptor.getKind(), descriptor.getTtlConfig().isEnabled());
  }

  /** Whether the state holds one value per key (value, reducing, aggregating). */
  public boolean isValueLike() {
    return kind != StateDescriptor.Kind.LIST && kind != StateDescriptor.Kind.MAP;
  }

  /**
   * Throws a clear error unless a state restored as this may be registered as {@code registered}.
   *
   * @param owner who holds the state, for the message
   * @throws IllegalStateException on a kind or time-to-live mismatch
   */
  public void checkCompatible(SnapshotStateInfo registered, String owner) {
    if (kind != registered.kind || ttl != registered.ttl) {
      throw new IllegalStateException(
          "state '"
              + name
              + "' of "
              + owner
              + " was restored as "
              + describe()
              + " but is registered as "
              + registered.describe()
              + "; the kind and time-to-live of a state cannot change across a restore: keep the"
              + " old descriptor or give the new state a different name");
    }
  }

  /** E.g. {@code LIST with ttl}. */
  public String describe() {
    return kind + (ttl ? " with ttl" : " without ttl");
  }
}
