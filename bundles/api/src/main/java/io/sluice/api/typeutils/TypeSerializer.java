package io.sluice.api.typeutils;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes values of one type to bytes and reads them back. Serializers are derived from Java types
 * when the job is built ({@link TypeSerializers#forType}); Java serialization is never used.
 *
 * <p>A serializer instance may keep scratch buffers, so it is confined to one thread; use {@link
 * #duplicate()} to hand one to another thread.
 *
 * @param <T> the type of the values
 */
@ConsumerType
public interface TypeSerializer<T> {

  /** Writes {@code value} (never null at the top level) to {@code out}. */
  void serialize(T value, DataOutputView out) throws IOException;

  /** Reads one value written by {@link #serialize}. */
  T deserialize(DataInputView in) throws IOException;

  /** A deep copy of {@code value}; immutable types may return the value itself. */
  T copy(T value);

  /** A serializer of the same type that is safe to use from another thread. */
  TypeSerializer<T> duplicate();

  /** The Java type this serializer handles, for error messages and compatibility checks. */
  java.lang.reflect.Type type();
}
