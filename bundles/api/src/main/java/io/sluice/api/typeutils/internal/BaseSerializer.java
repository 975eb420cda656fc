package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.TypeSerializer;
import java.lang.reflect.Type;

/**
 * The base of every derived serializer. Derived serializers keep no per-call state (reflection
 * handles and child serializers are resolved once, at derivation), so each instance is thread-safe
 * and {@link #duplicate()} returns it.
 */
public abstract class BaseSerializer<T> implements TypeSerializer<T> {
  private final Type type;

  protected BaseSerializer(Type type) {
    this.type = type;
  }

  /**
   * Whether values are immutable, so {@link #copy} returns them as they are and containers of them
   * (records, optionals) need not be copied either.
   */
  public abstract boolean isImmutable();

  @Override
  public final TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public final Type type() {
    return type;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "<" + type.getTypeName() + ">";
  }

  /** Whether {@code serializer} is a derived one whose values are immutable. */
  static boolean isImmutable(TypeSerializer<?> serializer) {
    return serializer instanceof BaseSerializer<?> base && base.isImmutable();
  }
}
