package io.sluice.api.typeutils;

import java.io.IOException;

/**
 * Turns a checkpointed object (a source split, an enumerator's state, a sink's committable) into
 * bytes and back, with a version so that newer code can read what older code wrote.
 */
public interface SimpleVersionedSerializer<T> {

  /** The version written with every serialized object. */
  int getVersion();

  byte[] serialize(T value) throws IOException;

  /** Reads bytes written by a serializer of {@code version}. */
  T deserialize(int version, byte[] serialized) throws IOException;
}
