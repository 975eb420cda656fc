package io.sluice.api.operators;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.SimpleVersionedSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * One item of a sink's operator state: a committable or a writer state in the bytes of the sink's
 * own versioned serializer, so the operator state needs no knowledge of the sink's classes.
 *
 * @param checkpointId the checkpoint whose barrier the item was prepared at
 * @param version the version of the sink's serializer that wrote {@code bytes}
 * @param bytes the serialized item; never modified
 */
record SinkStateEntry(long checkpointId, int version, byte[] bytes) {

  static <X> SinkStateEntry of(long checkpointId, X value, SimpleVersionedSerializer<X> serializer)
      throws IOException {
    return new SinkStateEntry(checkpointId, serializer.getVersion(), serializer.serialize(value));
  }

  <X> X read(SimpleVersionedSerializer<X> serializer) throws IOException {
    return serializer.deserialize(version, bytes);
  }

  /** Writes entries as checkpoint id, version and length-prefixed bytes. Stateless. */
  static final class Serializer implements TypeSerializer<SinkStateEntry> {
    static final Serializer INSTANCE = new Serializer();

    private Serializer() {}

    @Override
    public void serialize(SinkStateEntry value, DataOutputView out) throws IOException {
      out.writeLong(value.checkpointId());
      out.writeVarInt(value.version());
      out.writeVarInt(value.bytes().length);
      out.write(value.bytes());
    }

    @Override
    public SinkStateEntry deserialize(DataInputView in) throws IOException {
      long checkpointId = in.readLong();
      int version = in.readVarInt();
      byte[] bytes = new byte[in.readVarInt()];
      in.readFully(bytes);
      return new SinkStateEntry(checkpointId, version, bytes);
    }

    @Override
    public SinkStateEntry copy(SinkStateEntry value) {
      return value; // immutable by contract: the bytes are never modified
    }

    @Override
    public TypeSerializer<SinkStateEntry> duplicate() {
      return this;
    }

    @Override
    public Type type() {
      return SinkStateEntry.class;
    }
  }
}
