package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;

/** {@code Optional<T>}: a presence byte, then the value if present. */
public final class OptionalSerializer<T> extends BaseSerializer<Optional<T>> {
  private final TypeSerializer<T> valueSerializer;

  public OptionalSerializer(Type type, TypeSerializer<T> valueSerializer) {
    super(type);
    this.valueSerializer = valueSerializer;
  }

  @Override
  public void serialize(Optional<T> value, DataOutputView out) throws IOException {
    if (value.isPresent()) {
      out.writeByte(1);
      valueSerializer.serialize(value.get(), out);
    } else {
      out.writeByte(0);
    }
  }

  @Override
  public Optional<T> deserialize(DataInputView in) throws IOException {
    byte marker = in.readByte();
    if (marker == 0) {
      return Optional.empty();
    }
    if (marker != 1) {
      throw new IOException("corrupt input: Optional marker is " + marker + ", expected 0 or 1");
    }
    return Optional.of(valueSerializer.deserialize(in));
  }

  @Override
  public Optional<T> copy(Optional<T> value) {
    if (value.isEmpty() || isImmutable()) {
      return value;
    }
    return Optional.of(valueSerializer.copy(value.get()));
  }

  @Override
  public boolean isImmutable() {
    return isImmutable(valueSerializer);
  }
}
