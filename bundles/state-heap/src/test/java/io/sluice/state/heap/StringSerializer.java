package io.sluice.state.heap;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;

/** A hand-written key serializer for the backend parameters; the heap backend never calls it. */
final class StringSerializer implements TypeSerializer<String> {

  @Override
  public void serialize(String value, DataOutputView out) throws IOException {
    out.writeString(value);
  }

  @Override
  public String deserialize(DataInputView in) throws IOException {
    return in.readString();
  }

  @Override
  public String copy(String value) {
    return value;
  }

  @Override
  public TypeSerializer<String> duplicate() {
    return this;
  }

  @Override
  public Type type() {
    return String.class;
  }
}
