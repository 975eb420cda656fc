package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * Lets a field, element or map entry be null: one marker byte (0 = null, 1 = a value follows).
 * Top-level values are never null, so only nested serializers are wrapped.
 */
public final class NullableSerializer<T> extends BaseSerializer<T> {
  private final TypeSerializer<T> inner;

  public NullableSerializer(TypeSerializer<T> inner) {
    super(inner.type());
    this.inner = inner;
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      inner.serialize(value, out);
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    byte marker = in.readByte();
    if (marker == 0) {
      return null;
    }
    if (marker != 1) {
      throw new IOException("corrupt input: null marker is " + marker + ", expected 0 or 1");
    }
    return inner.deserialize(in);
  }

  @Override
  public T copy(T value) {
    return value == null ? null : inner.copy(value);
  }

  @Override
  public boolean isImmutable() {
    return isImmutable(inner);
  }
}
